using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Enrolment.Gateway.Sessions;

public static class SessionsSetup
{
    /// <summary>
    /// Cookie sessions (protected with the shared data-protection keys, so every gateway accepts every cookie),
    /// and the opaque first-login and reset ids (their rate limits are in <see cref="RateLimits"/>).
    /// </summary>
    public static WebApplicationBuilder AddAccountSessions(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section);
        services.AddMemberScopedIds();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionOptions>>((cookie, sessions) => ConfigureCookie(cookie, sessions.Value));
        return builder;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, SessionOptions sessions)
    {
        cookie.Cookie.Name = sessions.CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.Cookie.IsEssential = true;
        cookie.ExpireTimeSpan = sessions.IdleTimeout;
        cookie.SlidingExpiration = true;

        // An API answers with problems; it never redirects to a login page.
        cookie.Events.OnRedirectToLogin = context => Unauthorized(context.HttpContext);
        cookie.Events.OnRedirectToAccessDenied = context => Unauthorized(context.HttpContext);
        cookie.Events.OnValidatePrincipal = context => EndSessionWhenEndedOrEpochMoved(context, sessions.AbsoluteLifetime);
    }

    /// <summary>
    /// Each request checks the cookie against its account: a sign-out ended this session, a password reset bumped
    /// the epoch (every session ends), or the account is gone. Any gateway decides alike: the account grain knows.
    /// A session older than its absolute lifetime ends too, however active: a cookie that was stolen stops some day.
    /// </summary>
    private static async Task EndSessionWhenEndedOrEpochMoved(CookieValidatePrincipalContext context, TimeSpan absoluteLifetime)
    {
        // Only the API reads the session; pages, scripts and styles need no call to the account grain.
        if (!context.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            return;
        }

        var user = context.Principal;
        var memberNumber = user is null ? null : SessionClaims.MemberNumberOf(user);
        var sessionId = user is null ? null : SessionClaims.SessionIdOf(user);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var tooOld = user is null || !(SessionClaims.SignedInAtOf(user) is { } signedInAt && now - signedInAt < absoluteLifetime);
        var profile = memberNumber is null || sessionId is null || tooOld
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<IGrainFactory>()
                .GetGrain<IAccountGrain>(memberNumber).GetSession(sessionId.Value);
        if (profile is null || profile.SessionEpoch != SessionClaims.EpochOf(user!))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Unauthorized(HttpContext context) =>
        Problems.From(new Refusal(RefusalCodes.InvalidCredentials)).ExecuteAsync(context);
}
