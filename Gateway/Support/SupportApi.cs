using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Gateway.Support;

/// <summary>
/// What support reads of one member: the audit trails of their enrolments, account and lost-password requests,
/// merged oldest first. Never a secret. Mapped only when <c>Support:ApiKey</c> is configured, and every call
/// must carry that key in <c>X-Support-Key</c>.
/// </summary>
public static class SupportApi
{
    public const string KeyHeader = "X-Support-Key";

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        var apiKey = configuration["Support:ApiKey"];
        if (string.IsNullOrEmpty(apiKey))
        {
            return routes;
        }

        var expected = Encoding.UTF8.GetBytes(apiKey);
        routes.MapGroup("/api/support")
            .AddEndpointFilter(async (context, next) =>
                HasKey(context.HttpContext.Request, expected)
                    ? await next(context)
                    : Problems.From(new Refusal(RefusalCodes.InvalidCredentials)))
            .MapGet("/members/{memberNumber}/audit", GetAuditTrail).WithTags("Support")
            .Refuses(RefusalCodes.InvalidCredentials, RefusalCodes.Validation);
        return routes;
    }

    public static async Task<Results<Ok<MemberAudit>, ProblemHttpResult>> GetAuditTrail(string memberNumber, IGrainFactory grains)
    {
        if (!MemberNumber.TryNormalise(memberNumber, out var number))
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                ["memberNumber"] = ["L'identifiant doit comporter 10 chiffres."],
            });
        }

        var trails = await Task.WhenAll(
            Tagged("enrolment", grains.GetGrain<IEnrolmentGrain>(number).GetAuditTrail()),
            Tagged("account", grains.GetGrain<IAccountGrain>(number).GetAuditTrail()),
            Tagged("password-reset", grains.GetGrain<IPasswordResetGrain>(number).GetAuditTrail()));
        var events = trails.SelectMany(trail => trail).OrderBy(entry => entry.At).ToList();
        return TypedResults.Ok(new MemberAudit(MemberNumber.Format(number), events));
    }

    private static async Task<IEnumerable<MemberAuditEntry>> Tagged(string source, Task<IReadOnlyList<AuditEvent>> trail) =>
        (await trail).Select(entry => new MemberAuditEntry(entry.At, source, entry.Kind, entry.Detail));

    // Constant-time, so that the key cannot be guessed a byte at a time from answer times.
    private static bool HasKey(HttpRequest request, byte[] expected) =>
        request.Headers.TryGetValue(KeyHeader, out var given)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), expected);
}

public sealed record MemberAudit(string MemberNumber, IReadOnlyList<MemberAuditEntry> Events);

public sealed record MemberAuditEntry(DateTimeOffset At, string Source, string Kind, string? Detail);
