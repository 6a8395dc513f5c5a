namespace Enrolment.Gateway.Http;

public static class GatewayHttp
{
    /// <summary>Problem details, limits, security headers, rate limiting, static files.</summary>
    public static WebApplicationBuilder AddGatewayHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication UseGatewayHttp(this WebApplication app)
    {
        app.UseStatusCodePages();
        return app;
    }
}
