using Enrolment.Grains.Interfaces.FranceConnect;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// « S'identifier avec FranceConnect »: the browser leaves for the provider and comes back to the callback, which
/// signs the member in (identity already linked), asks for the member number once (one member matched, with an
/// account), opens an enrolment without the identity form (one member matched, no account: FranceConnectEnrolment),
/// or says the person could not be identified. Sign-out ends the FranceConnect session too.
/// </summary>
public static class FranceConnectApi
{
    public const string CallbackPath = "/franceconnect/callback";
    public const string LoggedOutPath = "/franceconnect/logged-out";

    /// <summary>Where each outcome lands: the screens read the <c>franceconnect</c> query to say what happened.</summary>
    public static class Screens
    {
        public const string SignedIn = "/mon-espace.html";
        public const string GaveUp = "/?franceconnect=abandon";
        public const string Failed = "/?franceconnect=erreur";
        public const string LoggedOut = "/?franceconnect=deconnexion";
        public const string ProveLink = "/franceconnect-lien.html";
        public const string Enrol = "/inscription.html?franceconnect=inscription";
        public const string Locked = "/?franceconnect=verrouille";
        public const string NotIdentified = "/franceconnect-inconnu.html";
    }

    public static IEndpointRouteBuilder MapFranceConnectApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/franceconnect/login", Login).RequireRateLimiting(RateLimits.SignIn);
        routes.MapGet(CallbackPath, Callback).RequireRateLimiting(RateLimits.SignIn);
        routes.MapGet("/franceconnect/logout", Logout);
        routes.MapGet(LoggedOutPath, LoggedOut);
        var api = routes.MapGroup("/api/franceconnect").WithTags("FranceConnect");
        api.MapGet("", () => TypedResults.Ok(new FranceConnectStatus(true)));
        api.MapPost("/link", ProveLink).RequireRateLimiting(RateLimits.SignIn);
        api.MapDelete("/link", Unlink);
        api.MapGet("/enrolment", FranceConnectEnrolment.Get);
        api.MapPost("/enrolment/session", FranceConnectEnrolment.SignIn).RequireRateLimiting(RateLimits.SignIn);
        return routes;
    }

    public static async Task<RedirectHttpResult> Login(HttpContext context, FranceConnectClient client, FranceConnectCookies cookies)
    {
        var login = new LoginInFlight(FranceConnectClient.NewOpaqueValue(), FranceConnectClient.NewOpaqueValue());
        cookies.WriteLogin(context, login);
        return TypedResults.Redirect(await client.AuthorizationUrlAsync(Absolute(context, CallbackPath), login.State, login.Nonce, context.RequestAborted));
    }

    public static async Task<RedirectHttpResult> Callback(
        [FromQuery] string? code,
        [FromQuery] string? state,
        [FromQuery] string? error,
        HttpContext context,
        FranceConnectClient client,
        FranceConnectCookies cookies,
        IGrainFactory grains,
        OpaqueIds enrolmentIds,
        ILoggerFactory loggers)
    {
        var login = cookies.TakeLogin(context);
        if (error == "access_denied")
        {
            return TypedResults.Redirect(Screens.GaveUp);
        }

        var logger = loggers.CreateLogger(typeof(FranceConnectApi));
        if (login is null || state is null || state != login.State || code is null)
        {
            logger.LogWarning("FranceConnect return refused: {Check}", login is null ? "no-login-in-flight" : error is null ? "state" : "provider-error");
            return TypedResults.Redirect(Screens.Failed);
        }

        SignedInIdentity signedIn;
        try
        {
            signedIn = await client.CompleteAsync(code, Absolute(context, CallbackPath), login.Nonce, context.RequestAborted);
        }
        catch (FranceConnectRefusedException refused)
        {
            logger.LogWarning("FranceConnect return refused: {Check}", refused.Message);
            return TypedResults.Redirect(Screens.Failed);
        }

        cookies.WriteSession(context, new FranceConnectSession(signedIn.IdToken, null));
        var subject = signedIn.Identity.Subject;
        if (await grains.GetGrain<IFranceConnectLinkGrain>(subject).GetMemberNumber() is { } linked
            && await grains.GetGrain<IAccountGrain>(linked).GetProfile() is { } profile)
        {
            await SessionClaims.SignInAsync(context, profile);
            return TypedResults.Redirect(Screens.SignedIn);
        }

        if (await PivotMatch.FindMemberAsync(signedIn.Identity, grains) is not { } matched)
        {
            return TypedResults.Redirect(Screens.NotIdentified);
        }

        if (await grains.GetGrain<IAccountGrain>(matched.MemberNumber).Exists())
        {
            return AskForProof(context, cookies, subject, matched.MemberNumber);
        }

        var started = await FranceConnectEnrolment.StartAsync(context, signedIn.Identity, matched, cookies, grains, enrolmentIds);
        return started == RefusalCodes.AlreadyEnrolled ? AskForProof(context, cookies, subject, matched.MemberNumber) : TypedResults.Redirect(started switch
        {
            null => Screens.Enrol,
            RefusalCodes.Locked => Screens.Locked,
            _ => Screens.NotIdentified,
        });
    }

    private static RedirectHttpResult AskForProof(HttpContext context, FranceConnectCookies cookies, string subject, string memberNumber)
    {
        cookies.WritePending(context, new PendingLink(subject, memberNumber));
        return TypedResults.Redirect(Screens.ProveLink);
    }

    public static async Task<Results<Ok<SessionAnswer>, ProblemHttpResult>> ProveLink(
        [FromBody] LinkRequest? request, HttpContext context, FranceConnectCookies cookies, IGrainFactory grains)
    {
        if (cookies.ReadPending(context) is not { } pending)
        {
            return Problems.From(new Refusal(RefusalCodes.NotIdentified));
        }

        if (!MemberNumber.TryNormalise(request?.MemberNumber, out var typed))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["memberNumber"] = ["Format : XXXXXXXX.XX"] });
        }

        var proof = await grains.GetGrain<IEnrolmentGrain>(pending.MemberNumber).ProveFranceConnectLink(pending.Subject, typed);
        if (!proof.Linked)
        {
            return Problems.From(proof.RetryAfterSeconds is { } retryAfter
                ? new Refusal(RefusalCodes.Locked, RetryAfterSeconds: retryAfter)
                : new Refusal(RefusalCodes.MemberNumberMismatch, AttemptsLeft: proof.AttemptsLeft));
        }

        FranceConnectCookies.Delete(context, FranceConnectCookies.Pending);
        var profile = await grains.GetGrain<IAccountGrain>(pending.MemberNumber).GetProfile();
        await SessionClaims.SignInAsync(context, profile!);
        return TypedResults.Ok(SessionAnswer.SignedIn);
    }

    /// <summary>« Mon espace »: the signed-in member removes the link; the next FranceConnect sign-in asks for proof again.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Unlink(HttpContext context, IGrainFactory grains)
    {
        var account = SessionClaims.SignedInMemberOf(context) is { } memberNumber ? grains.GetGrain<IAccountGrain>(memberNumber) : null;
        if (account is null || !await account.Exists())
        {
            return Problems.From(new Refusal(RefusalCodes.InvalidCredentials));
        }

        if ((await account.GetSignInMethods()).FranceConnectSubject is { } subject)
        {
            await grains.GetGrain<IFranceConnectLinkGrain>(subject).Unlink();
        }

        return TypedResults.NoContent();
    }

    /// <summary>Ends the FranceConnect session first when there is one; the local session ends on the way back.</summary>
    public static async Task<RedirectHttpResult> Logout(
        HttpContext context, FranceConnectClient client, FranceConnectCookies cookies, IGrainFactory grains, TimeProvider clock)
    {
        if (cookies.TakeSession(context) is not { } session)
        {
            await SessionsApi.SignOut(context, grains, clock);
            return TypedResults.Redirect(Screens.LoggedOut);
        }

        var state = FranceConnectClient.NewOpaqueValue();
        cookies.WriteSession(context, session with { LogoutState = state });
        return TypedResults.Redirect(await client.EndSessionUrlAsync(session.IdToken, Absolute(context, LoggedOutPath), state, context.RequestAborted));
    }

    public static async Task<RedirectHttpResult> LoggedOut(
        [FromQuery] string? state, HttpContext context, FranceConnectCookies cookies, IGrainFactory grains, TimeProvider clock)
    {
        var session = cookies.TakeSession(context);
        await SessionsApi.SignOut(context, grains, clock);
        return TypedResults.Redirect(session?.LogoutState is { } expected && expected == state ? Screens.LoggedOut : Screens.Failed);
    }

    private static string Absolute(HttpContext context, string path) => $"{context.Request.Scheme}://{context.Request.Host}{path}";
}

public sealed record FranceConnectStatus(bool Enabled);

public sealed record LinkRequest(string? MemberNumber);
