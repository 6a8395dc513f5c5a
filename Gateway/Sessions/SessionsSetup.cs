using System.Threading.RateLimiting;
using Enrolment.Gateway.Http;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Enrolment.Gateway.Sessions;

public static class SessionsSetup
{
    public const string SignInLimit = "sign-in";
    public const string PasswordResetLimit = "password-reset";

    /// <summary>
    /// Cookie sessions (keys from the shared data-protection ring, so every gateway accepts every cookie)
    /// and the per-address limits on sign-in and lost password.
    /// </summary>
    public static WebApplicationBuilder AddAccountSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName);
        builder.Services.AddKeyedSingleton(MemberScopedIds.FirstLogin, (services, _) =>
            new MemberScopedIds(services.GetRequiredService<IDataProtectionProvider>(), MemberScopedIds.FirstLogin));
        builder.Services.AddKeyedSingleton(MemberScopedIds.PasswordReset, (services, _) =>
            new MemberScopedIds(services.GetRequiredService<IDataProtectionProvider>(), MemberScopedIds.PasswordReset));
        builder.Services.AddAuthorization();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SessionOptions>>((cookie, sessions) => ConfigureCookie(cookie, sessions.Value));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<SessionOptions>>((limiter, sessions) =>
            {
                limiter.AddPolicy(SignInLimit, context => PerAddress(context, sessions.Value.SignInsPerWindow, sessions.Value.RateWindow));
                limiter.AddPolicy(PasswordResetLimit, context => PerAddress(context, sessions.Value.PasswordResetsPerWindow, sessions.Value.RateWindow));
            });
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

        // An API answers 401/403 problems; it never redirects to a login page.
        cookie.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, new Refusal(RefusalCodes.InvalidCredentials));
        cookie.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, new Refusal(RefusalCodes.InvalidCredentials));
        cookie.Events.OnValidatePrincipal = EndSessionWhenEpochMoved;
    }

    /// <summary>A password reset bumps the account's epoch: a cookie minted before it no longer signs anyone in.</summary>
    private static async Task EndSessionWhenEpochMoved(CookieValidatePrincipalContext context)
    {
        var memberNumber = context.Principal is null ? null : SessionClaims.MemberNumberOf(context.Principal);
        var epoch = context.Principal is null ? null : SessionClaims.EpochOf(context.Principal);
        var profile = memberNumber is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<IClusterClient>().GetGrain<IAccountGrain>(memberNumber).GetProfile();
        if (profile is null || profile.SessionEpoch != epoch)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task WriteProblem(HttpContext context, Refusal refusal) => Problems.From(refusal).ExecuteAsync(context);

    private static RateLimitPartition<string> PerAddress(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
