using Enrolment.Gateway.Http.Keys;

namespace Enrolment.Gateway.Http;

public static class GatewayHttp
{
    /// <summary>Problem details, limits, trusted proxies, security headers, rate limiting, JSON rules, shared data-protection keys.</summary>
    public static WebApplicationBuilder AddGatewayHttp(this WebApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        builder.Services.AddReverseProxies(builder.Configuration);
        builder.Services.AddGatewayProblemDetails();
        builder.Services.AddGatewayJson();
        builder.Services.AddValidation();
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        builder.Services.AddSharedDataProtection(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// The pipeline, outermost first: the client's address and scheme from a trusted proxy, headers on every answer
    /// (errors included), bad input turned into problems, size limits before any body is read, static files, then
    /// routing, the session cookie and rate limits for the APIs.
    /// </summary>
    public static WebApplication UseGatewayHttp(this WebApplication app)
    {
        app.UseReverseProxies();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHsts();
        app.UseRequestLimits();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRouting();

        // Said here, or the framework puts it before everything above: the session check calls the account grain,
        // and a cluster out of reach must reach the exception handler (503 with the security headers), not a bare 500.
        app.UseAuthentication();
        app.UseRateLimiter();

        // No fallback page: the wizard is one HTML file per screen, and a catch-all GET route would turn a wrong
        // method on an API route (405) into a 404.
        return app;
    }
}
