using Enrolment.Gateway.Http;
using Enrolment.Gateway.Sessions;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Enrolment.Gateway.PasswordResets;

/// <summary>
/// "J'ai perdu mon mot de passe": member number + birth date, then a code by SMS and a new password, or a letter.
/// Every answer has the same shape whether or not the number exists.
/// </summary>
public static class PasswordResetsApi
{
    public static IEndpointRouteBuilder MapPasswordResetsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/password-resets").RequireRateLimiting(SessionsSetup.PasswordResetLimit);
        api.MapPost("/", Start);
        api.MapGet("/{resetId}", Get);
        api.MapPost("/{resetId}/code", SubmitCode);
        api.MapPost("/{resetId}/password", SetPassword);
        return routes;
    }

    public static async Task<Results<Created<ResetAnswer>, ProblemHttpResult>> Start(
        ResetStartBody body,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] MemberScopedIds resetIds)
    {
        if (ResetInput.CheckStart(body, out var memberNumber, out var birthDate) is { } errors)
        {
            return Problems.Validation(errors);
        }

        var outcome = await cluster.GetGrain<IPasswordResetGrain>(memberNumber).Start(birthDate);
        if (outcome.Refusal is { } refusal)
        {
            return Problems.From(refusal);
        }

        var answer = ResetAnswer.Of(resetIds.Protect(memberNumber, outcome.View!.ResetId), outcome.View);
        return TypedResults.Created($"/api/password-resets/{answer.ResetId}", answer);
    }

    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> Get(
        string resetId,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] MemberScopedIds resetIds) =>
        Call(resetId, resetIds, cluster, (grain, id) => grain.Get(id));

    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> SubmitCode(
        string resetId,
        ResetCodeBody body,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] MemberScopedIds resetIds) =>
        ResetInput.CheckCode(body) is { } errors
            ? Task.FromResult<Results<Ok<ResetAnswer>, ProblemHttpResult>>(Problems.Validation(errors))
            : Call(resetId, resetIds, cluster, (grain, id) => grain.SubmitCode(id, body.Code!.Trim()));

    public static Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> SetPassword(
        string resetId,
        ResetPasswordBody body,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.PasswordReset)] MemberScopedIds resetIds) =>
        ResetInput.CheckPassword(body) is { } errors
            ? Task.FromResult<Results<Ok<ResetAnswer>, ProblemHttpResult>>(Problems.Validation(errors))
            : Call(resetId, resetIds, cluster, (grain, id) => grain.SetPassword(id, body.Password!, body.PasswordConfirmation!));

    private static async Task<Results<Ok<ResetAnswer>, ProblemHttpResult>> Call(
        string resetId,
        MemberScopedIds resetIds,
        IClusterClient cluster,
        Func<IPasswordResetGrain, Guid, Task<ResetOutcome>> call)
    {
        if (!resetIds.TryUnprotect(resetId, out var memberNumber, out var id))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownReset));
        }

        var outcome = await call(cluster.GetGrain<IPasswordResetGrain>(memberNumber), id);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(ResetAnswer.Of(resetId, outcome.View!));
    }
}

public sealed record ResetStartBody(string? MemberNumber, string? BirthDate);

public sealed record ResetCodeBody(string? Code);

public sealed record ResetPasswordBody(string? Password, string? PasswordConfirmation);

public sealed record ResetAnswer(string ResetId, string Step, string? MaskedPhone, DateTimeOffset? CodeExpiresAt)
{
    public static ResetAnswer Of(string resetId, ResetView view) =>
        new(resetId, StepNames.Of(view.Step), view.MaskedPhone, view.CodeExpiresAt);
}
