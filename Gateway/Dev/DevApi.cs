using Enrolment.Grains.Interfaces.Operations;
using Enrolment.Grains.Interfaces.Vocabulary;

namespace Enrolment.Gateway.Dev;

/// <summary>Development only: what the development senders recorded, newest first, to read codes while trying the wizard.</summary>
public static class DevApi
{
    private const int Limit = 50;

    public static IEndpointRouteBuilder MapDevApi(this IEndpointRouteBuilder routes)
    {
        var dev = routes.MapGroup("/dev/outbox").WithTags("Development");
        dev.MapGet("/sms", ListSms).Refuses(RefusalCodes.Validation);
        dev.MapGet("/letters", ListLetters).Refuses(RefusalCodes.Validation);
        return routes;
    }

    public static async Task<Results<Ok<IReadOnlyList<SentSms>>, ProblemHttpResult>> ListSms(string? to, IGrainFactory grains) =>
        FrenchMobile.TryReadTyped(to, out var phone)
            ? TypedResults.Ok(await grains.GetGrain<IDevOutboxGrain>(0).ListSms(phone, Limit))
            : Invalid("to", "Un numéro de mobile français est attendu (06 ou 07 suivi de 8 chiffres).");

    public static async Task<Results<Ok<IReadOnlyList<SentLetter>>, ProblemHttpResult>> ListLetters(
        string? memberNumber, IGrainFactory grains) =>
        MemberNumber.TryNormalise(memberNumber, out var number)
            ? TypedResults.Ok(await grains.GetGrain<IDevOutboxGrain>(0).ListLetters(number, Limit))
            : Invalid("memberNumber", "L'identifiant compte 10 chiffres (XXXXXXXX.XX).");

    private static ProblemHttpResult Invalid(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
