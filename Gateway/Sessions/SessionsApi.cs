using Enrolment.Gateway.Http;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Enrolment.Gateway.Sessions;

/// <summary>Sign-in with a password or a provisional code, first login, the signed-in member, sign-out.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapPost("/sessions", SignIn).RequireRateLimiting(SessionsSetup.SignInLimit);
        api.MapGet("/first-login/{firstLoginId}", GetFirstLogin).RequireRateLimiting(SessionsSetup.SignInLimit);
        api.MapPost("/first-login/{firstLoginId}", CompleteFirstLogin).RequireRateLimiting(SessionsSetup.SignInLimit);
        api.MapGet("/me", Me).RequireAuthorization();
        // Cast: a handler taking only HttpContext would otherwise be bound as a RequestDelegate and its result dropped.
        api.MapDelete("/sessions/current", (Delegate)SignOut);
        return routes;
    }

    public static async Task<Results<Ok<SignedInAnswer>, Ok<FirstLoginAnswer>, ProblemHttpResult>> SignIn(
        SignInBody body,
        HttpContext context,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] MemberScopedIds firstLoginIds)
    {
        if (SessionInput.CheckSignIn(body) is { } errors)
        {
            return Problems.Validation(errors);
        }

        MemberNumber.TryNormalise(body.MemberNumber, out var memberNumber);
        var outcome = await cluster.GetGrain<IAccountGrain>(memberNumber!).SignIn(body.Secret!);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.From(refusal),
            { FirstLoginId: { } firstLoginId } => TypedResults.Ok(new FirstLoginAnswer("first-login", firstLoginIds.Protect(memberNumber!, firstLoginId))),
            { Profile: { } profile } => await SignedIn(context, profile),
            _ => Problems.From(new Refusal(RefusalCodes.InvalidCredentials)),
        };
    }

    public static async Task<Results<Ok<FirstLoginScreen>, ProblemHttpResult>> GetFirstLogin(
        string firstLoginId,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] MemberScopedIds firstLoginIds)
    {
        if (!firstLoginIds.TryUnprotect(firstLoginId, out var memberNumber, out var id))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownFirstLogin));
        }

        var outcome = await cluster.GetGrain<IAccountGrain>(memberNumber).GetFirstLogin(id);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(new FirstLoginScreen(outcome.EmailOnFile!));
    }

    public static async Task<Results<Ok<SignedInAnswer>, Ok<FirstLoginAnswer>, ProblemHttpResult>> CompleteFirstLogin(
        string firstLoginId,
        FirstLoginBody body,
        HttpContext context,
        IClusterClient cluster,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] MemberScopedIds firstLoginIds)
    {
        if (!firstLoginIds.TryUnprotect(firstLoginId, out var memberNumber, out var id))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownFirstLogin));
        }

        if (SessionInput.CheckFirstLogin(body) is { } errors)
        {
            return Problems.Validation(errors);
        }

        var request = new FirstLoginRequest(body.Email!.Trim(), body.Password!, body.PasswordConfirmation!);
        var outcome = await cluster.GetGrain<IAccountGrain>(memberNumber).CompleteFirstLogin(id, request);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.From(refusal),
            { Profile: { } profile } => await SignedIn(context, profile),
            _ => Problems.From(new Refusal(RefusalCodes.UnknownFirstLogin)),
        };
    }

    public static async Task<Results<Ok<MeAnswer>, ProblemHttpResult>> Me(HttpContext context, IClusterClient cluster)
    {
        var memberNumber = SessionClaims.MemberNumberOf(context.User);
        var profile = memberNumber is null ? null : await cluster.GetGrain<IAccountGrain>(memberNumber).GetProfile();
        return profile is null
            ? Problems.From(new Refusal(RefusalCodes.InvalidCredentials))
            : TypedResults.Ok(new MeAnswer(profile.MemberNumber, profile.FullName, profile.Email));
    }

    public static async Task<NoContent> SignOut(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SignedInAnswer>> SignedIn(HttpContext context, AccountProfile profile)
    {
        await SessionClaims.SignInAsync(context, profile);
        return TypedResults.Ok(new SignedInAnswer("signed-in"));
    }
}

public sealed record SignInBody(string? MemberNumber, string? Secret);

public sealed record FirstLoginBody(string? Email, string? EmailConfirmation, string? Password, string? PasswordConfirmation);

public sealed record SignedInAnswer(string Status);

public sealed record FirstLoginAnswer(string Status, string FirstLoginId);

public sealed record FirstLoginScreen(string Email);

public sealed record MeAnswer(string MemberNumber, string FullName, string Email);
