using Enrolment.ServiceDefaults;
using OpenTelemetry.Metrics;

namespace Enrolment.Gateway.Hosting;

public static class GatewayTelemetry
{
    /// <summary>
    /// The gateway's metrics and traces; /metrics is served by a listener of its own on Management:Urls, outside the
    /// public pipeline and port. Without that setting (tests hosting the gateway in-process) nothing listens.
    /// </summary>
    public static WebApplicationBuilder AddGatewayTelemetry(this WebApplicationBuilder builder)
    {
        var telemetry = builder.AddProductTelemetry("enrolment-gateway");
        if (builder.Configuration[ProductTelemetry.ManagementUrlsSetting] is { Length: > 0 } urls)
        {
            var address = new Uri(urls.Split(';')[0]);
            telemetry.WithMetrics(metrics => metrics.AddPrometheusHttpListener(listener =>
            {
                listener.Host = address.Host;
                listener.Port = address.Port;
                listener.ScrapeEndpointPath = "/metrics";
            }));
        }

        return builder;
    }
}
