using Enrolment.Gateway.Http.Shapes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Enrolment.Gateway.Sessions;

/// <summary>Sign-in with a password or a provisional code, first login, the signed-in member, sign-out.</summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Sessions").AnswerNullBodiesAsEmpty();
        api.MapPost("/sessions", SignIn).RequireRateLimiting(RateLimits.SignIn)
            .Refuses(RefusalCodes.InvalidCredentials, RefusalCodes.Locked);
        api.MapGet("/first-login/{firstLoginId}", GetFirstLogin).RequireRateLimiting(RateLimits.SignIn)
            .Refuses(RefusalCodes.UnknownFirstLogin, RefusalCodes.FirstLoginExpired);
        api.MapPost("/first-login/{firstLoginId}", CompleteFirstLogin).RequireRateLimiting(RateLimits.SignIn)
            .Refuses(RefusalCodes.UnknownFirstLogin, RefusalCodes.FirstLoginExpired);
        api.MapGet("/me", Me).Refuses(RefusalCodes.InvalidCredentials).Example(SessionExamples.SignedOut);
        api.MapPost("/me/password", AddPassword).RequireRateLimiting(RateLimits.SignIn)
            .Refuses(RefusalCodes.InvalidCredentials, RefusalCodes.Validation);
        api.MapDelete("/sessions/current", SignOut);
        return routes;
    }

    public static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> SignIn(
        [FromBody] SignInRequest? request,
        HttpContext context,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] OpaqueIds firstLoginIds)
    {
        MemberNumber.TryNormalise(request!.MemberNumber, out var memberNumber);
        var outcome = await grains.GetGrain<IAccountGrain>(memberNumber!).SignIn(request.Secret!, context.RequestAborted);
        return outcome switch
        {
            { Refusal: { } refusal } => Problems.From(refusal),
            { FirstLoginId: { } firstLoginId } => TypedResults.Ok(SessionAnswer.FirstLogin(firstLoginIds.Create(memberNumber!, firstLoginId))),
            _ => await SignedIn(context, outcome.Profile!),
        };
    }

    public static async Task<Results<Ok<FirstLoginScreen>, ProblemHttpResult>> GetFirstLogin(
        string firstLoginId,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] OpaqueIds firstLoginIds)
    {
        if (!firstLoginIds.TryRead(firstLoginId, out var firstLogin))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownFirstLogin));
        }

        var outcome = await grains.GetGrain<IAccountGrain>(firstLogin.MemberNumber).GetFirstLogin(firstLogin.Id);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : TypedResults.Ok(new FirstLoginScreen(outcome.EmailOnFile!));
    }

    public static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> CompleteFirstLogin(
        string firstLoginId,
        [FromBody] FirstLoginRequestBody? request,
        HttpContext context,
        IGrainFactory grains,
        [FromKeyedServices(MemberScopedIds.FirstLogin)] OpaqueIds firstLoginIds)
    {
        if (!firstLoginIds.TryRead(firstLoginId, out var firstLogin))
        {
            return Problems.From(new Refusal(RefusalCodes.UnknownFirstLogin));
        }

        if (SessionInput.CheckFirstLogin(request, out var email) is { Count: > 0 } errors)
        {
            return Problems.Validation(errors);
        }

        var outcome = await grains.GetGrain<IAccountGrain>(firstLogin.MemberNumber)
            .CompleteFirstLogin(firstLogin.Id, new FirstLoginRequest(email, request!.Password!, request.PasswordConfirmation!), context.RequestAborted);
        return outcome.Refusal is { } refusal ? Problems.From(refusal) : await SignedIn(context, outcome.Profile!);
    }

    public static async Task<Results<Ok<MeAnswer>, ProblemHttpResult>> Me(HttpContext context, IGrainFactory grains)
    {
        var account = SessionClaims.SignedInMemberOf(context) is { } memberNumber ? grains.GetGrain<IAccountGrain>(memberNumber) : null;
        if (account is null || await account.GetProfile() is not { } profile)
        {
            return Problems.From(new Refusal(RefusalCodes.InvalidCredentials));
        }

        var methods = await account.GetSignInMethods();
        return TypedResults.Ok(new MeAnswer(profile.MemberNumber, profile.FullName, profile.Email, methods.HasPassword, methods.FranceConnectSubject is not null));
    }

    /// <summary>« Mon espace »: a first password for an account that signs in with FranceConnect alone.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> AddPassword(
        [FromBody] NewPasswordRequest? request, HttpContext context, IGrainFactory grains)
    {
        if (SessionClaims.SignedInMemberOf(context) is not { } memberNumber)
        {
            return Problems.From(new Refusal(RefusalCodes.InvalidCredentials));
        }

        var errors = new Dictionary<string, string[]>();
        SessionInput.CheckNewPassword(request?.Password, request?.PasswordConfirmation, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var refusal = await grains.GetGrain<IAccountGrain>(memberNumber).AddPassword(request!.Password!, request.PasswordConfirmation!, context.RequestAborted);
        return refusal is null ? TypedResults.NoContent() : Problems.From(refusal);
    }

    /// <summary>Ends this session for good (a copy of the cookie no longer works either) and clears the cookie.</summary>
    public static async Task<NoContent> SignOut(HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        var session = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (session.Principal is { } user
            && SessionClaims.MemberNumberOf(user) is { } memberNumber
            && SessionClaims.SessionIdOf(user) is { } sessionId)
        {
            var expiresAt = session.Properties?.ExpiresUtc ?? clock.GetUtcNow().AddDays(1);
            await grains.GetGrain<IAccountGrain>(memberNumber).EndSession(sessionId, expiresAt);
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> SignedIn(HttpContext context, AccountProfile profile)
    {
        await SessionClaims.SignInAsync(context, profile);
        return TypedResults.Ok(SessionAnswer.SignedIn);
    }
}

public sealed record SignInRequest(
    [property: MemberNumberShape] string? MemberNumber,
    [property: SecretShape(ErrorMessage = "Saisissez votre mot de passe ou votre code d'accès provisoire.")] string? Secret);

public sealed record NewPasswordRequest(string? Password, string? PasswordConfirmation);

public sealed record FirstLoginRequestBody(string? Email, string? EmailConfirmation, string? Password, string? PasswordConfirmation);

/// <summary><c>{status:"signed-in"}</c>, or <c>{status:"first-login", firstLoginId}</c>.</summary>
public sealed record SessionAnswer(string Status, string? FirstLoginId)
{
    public static readonly SessionAnswer SignedIn = new("signed-in", null);

    public static SessionAnswer FirstLogin(string firstLoginId) => new("first-login", firstLoginId);
}

public sealed record FirstLoginScreen(string Email);

/// <summary>The signed-in member, and how the account signs in (« Mon espace » shows both).</summary>
public sealed record MeAnswer(string MemberNumber, string FullName, string Email, bool HasPassword, bool FranceConnectLinked);
