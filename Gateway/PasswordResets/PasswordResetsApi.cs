using Enrolment.Gateway.Http.Shapes;

namespace Enrolment.Gateway.PasswordResets;

/// <summary>
/// "J'ai perdu mon mot de passe": member number + birth date, then a code by SMS and a new password, or a letter.
/// Every answer has the same shape whether or not the number exists.
/// </summary>
public static class PasswordResetsApi
{
    public static IEndpointRouteBuilder MapPasswordResetsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/password-resets").WithTags("PasswordResets").RequireRateLimiting(RateLimits.PasswordReset)
            .AnswerNullBodiesAsEmpty();
        api.MapPost("/", Start).Refuses(RefusalCodes.Locked, RefusalCodes.SmsCeiling);
        api.MapGet("/{resetId}", Get).Refuses(RefusalCodes.UnknownReset, RefusalCodes.ResetExpired);
        api.MapPost("/{resetId}/code", SubmitCode).Refuses(RefusalCodes.UnknownReset, RefusalCodes.ResetExpired, RefusalCodes.CodeMismatch, RefusalCodes.CodeExpired, RefusalCodes.WrongStep);
        api.MapPost("/{resetId}/password", SetPassword).Refuses(RefusalCodes.UnknownReset, RefusalCodes.ResetExpired, RefusalCodes.WrongStep);
        return routes;
    }

    public static async Task<Results<Created<ResetAnswer>, ProblemHttpResult>> Start(
        [FromBody] ResetStartRequest? request,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] OpaqueIds resetIds)
    {
        // Nothing in the shape says whether the number exists: the framework checked it (ResetStartRequest).
        MemberNumber.TryNormalise(request!.MemberNumber, out var memberNumber);
        var birthDate = IdentityValidation.ReadBirthDate(request.BirthDate)!.Value;
        var outcome = await grains.GetGrain<IPasswordResetGrain>(memberNumber!).Start(birthDate);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal);
        }

        var answer = ResetAnswer.From(resetIds.Create(memberNumber!, outcome.View!.ResetId), outcome.View);
        return TypedResults.Created($"/api/password-resets/{answer.ResetId}", answer);
    }

    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> Get(
        string resetId, IGrainFactory grains, [FromKeyedServices(MemberScopedIds.PasswordReset)] OpaqueIds resetIds) =>
        Run(resetId, resetIds, grains, (reset, id) => reset.Get(id));

    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> SubmitCode(
        string resetId,
        [FromBody] ResetCodeRequest? request,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] OpaqueIds resetIds) =>
        Run(resetId, resetIds, grains, (reset, id) => reset.SubmitCode(id, request!.Code!.Trim()));

    /// <summary>The hash is dropped from the silo's queue if the request is aborted before its turn.</summary>
    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> SetPassword(
        string resetId,
        [FromBody] ResetPasswordRequest? request,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] OpaqueIds resetIds,
        CancellationToken requestAborted) =>
        Run(resetId, resetIds, grains, (reset, id) => reset.SetPassword(id, request!.Password!, request.PasswordConfirmation!, requestAborted));

    private static async Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> Run(
        string resetId, OpaqueIds resetIds, IGrainFactory grains, Func<IPasswordResetGrain, Guid, Task<ResetOutcome>> step)
    {
        if (!resetIds.TryRead(resetId, out var reset))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownReset));
        }

        var outcome = await step(grains.GetGrain<IPasswordResetGrain>(reset.MemberNumber), reset.Id);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(ResetAnswer.From(resetId, outcome.View!));
    }
}

public sealed record ResetStartRequest([property: MemberNumberShape] string? MemberNumber, [property: BirthDateShape] string? BirthDate);

public sealed record ResetCodeRequest([property: OneTimeCodeShape] string? Code);

public sealed record ResetPasswordRequest(
    [property: SecretShape] string? Password,
    [property: ConfirmsSecret("Password")] string? PasswordConfirmation);

/// <summary>
/// <c>{resetId, step, maskedPhone?, codeExpiresAt?, codeLength?}</c>: the same shape whether or not the number
/// exists; the code's length and expiry only while a code is awaited, as in an enrolment.
/// </summary>
public sealed record ResetAnswer(string ResetId, string Step, string? MaskedPhone, DateTimeOffset? CodeExpiresAt, int? CodeLength)
{
    public static ResetAnswer From(string resetId, ResetView view) =>
        new(resetId, StepNames.Of(view.Step), view.MaskedPhone, view.CodeExpiresAt, view.Step == ResetStep.EnterCode ? view.CodeLength : null);
}
