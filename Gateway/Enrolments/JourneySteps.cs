using Enrolment.Gateway.Http;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Interfaces.Vocabulary;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// Steps 2–7. Each checks the shape of its body (a 400 changes nothing), then lets the member's grain apply the
/// journey's rules; the grain's refusal becomes the problem answer, its view the success answer.
/// </summary>
public static class JourneySteps
{
    private const int MaxPasswordLength = 256;

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> Get(
        string enrolmentId, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.Get(id));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ConfirmIdentity(
        string enrolmentId, [FromBody] EmptyRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.ConfirmIdentity(id));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ConfirmPhone(
        string enrolmentId, [FromBody] PhoneConfirmationRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        request?.IsMine is not { } isMine
            ? Invalid("isMine", "Indiquez si ce numéro est le vôtre (true ou false).")
            : Run(enrolmentId, ids, grains, (journey, id) => journey.ConfirmPhone(id, isMine));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ChooseChannel(
        string enrolmentId, [FromBody] ChannelRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        DeliveryChannel? channel = request?.Channel switch
        {
            "sms" => DeliveryChannel.Sms,
            "letter" => DeliveryChannel.Letter,
            _ => null,
        };
        return channel is not { } chosen
            ? Invalid("channel", "Choisissez \"sms\" ou \"letter\".")
            : Run(enrolmentId, ids, grains, (journey, id) => journey.ChooseChannel(id, chosen));
    }

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> EnterPhone(
        string enrolmentId, [FromBody] PhoneRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        if (!FrenchMobile.TryReadTyped(request?.Phone, out var phone))
        {
            return Invalid("phone", "Un numéro de mobile français est attendu (06 ou 07 suivi de 8 chiffres).");
        }

        if (!FrenchMobile.TryReadTyped(request!.PhoneConfirmation, out var confirmation) || confirmation != phone)
        {
            return Invalid("phoneConfirmation", "Les deux numéros ne sont pas identiques.");
        }

        var entry = new PhoneEntry(phone, request.PhoneMarketingOptOut ?? false);
        return Run(enrolmentId, ids, grains, (journey, id) => journey.EnterPhone(id, entry));
    }

    /// <summary>A member number that is not ten digits is a typing error (400), not a mismatch: it costs no attempt.</summary>
    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> SubmitMemberNumber(
        string enrolmentId, [FromBody] MemberNumberRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        !MemberNumber.TryNormalise(request?.MemberNumber, out var memberNumber)
            ? Invalid("memberNumber", "L'identifiant compte 10 chiffres (XXXXXXXX.XX).")
            : Run(enrolmentId, ids, grains, (journey, id) => journey.SubmitMemberNumber(id, memberNumber));

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> SubmitCode(
        string enrolmentId, [FromBody] CodeRequest? request, OpaqueIds ids, IGrainFactory grains)
    {
        var code = request?.Code?.Trim();
        return code is not { Length: 6 } || !code.All(char.IsAsciiDigit)
            ? Invalid("code", "Le code compte 6 chiffres.")
            : Run(enrolmentId, ids, grains, (journey, id) => journey.SubmitCode(id, code));
    }

    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> ResendCode(
        string enrolmentId, [FromBody] EmptyRequest? request, OpaqueIds ids, IGrainFactory grains) =>
        Run(enrolmentId, ids, grains, (journey, id) => journey.ResendCode(id));

    /// <summary>The hash is dropped from the silo's queue if the request is aborted before its turn.</summary>
    public static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> CreatePassword(
        string enrolmentId, [FromBody] PasswordRequest? request, OpaqueIds ids, IGrainFactory grains, CancellationToken requestAborted)
    {
        if (request?.Password is not { Length: > 0 and <= MaxPasswordLength } password)
        {
            return Invalid("password", "Saisissez un mot de passe.");
        }

        return request.PasswordConfirmation is not { Length: <= MaxPasswordLength } confirmation
            ? Invalid("passwordConfirmation", "Confirmez le mot de passe.")
            : Run(enrolmentId, ids, grains, (journey, id) => journey.CreatePassword(id, password, confirmation, requestAborted));
    }

    private static async Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> Run(
        string enrolmentId, OpaqueIds ids, IGrainFactory grains, Func<IEnrolmentGrain, Guid, Task<StepOutcome>> step)
    {
        if (!ids.TryRead(enrolmentId, out var journey))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownEnrolment));
        }

        var outcome = await step(grains.GetGrain<IEnrolmentGrain>(journey.MemberNumber), journey.Id);
        return outcome.Refusal is { } refusal
            ? Problems.From(refusal)
            : TypedResults.Ok(JourneyAnswer.From(enrolmentId, outcome.View!));
    }

    private static Task<Results<Ok<JourneyAnswer>, ProblemHttpResult>> Invalid(string field, string message) =>
        Task.FromResult<Results<Ok<JourneyAnswer>, ProblemHttpResult>>(
            Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }));
}
