using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Enrolment.ServiceDefaults;

/// <summary>
/// Metrics and traces as every process of the product exports them: ASP.NET Core, Orleans, Npgsql, the runtime and
/// the product's own meters; a Prometheus scrape endpoint on the management address (never the public one), and
/// OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public static class ProductTelemetry
{
    /// <summary>The setting holding the management listener's address, such as http://127.0.0.1:9090.</summary>
    public const string ManagementUrlsSetting = "Management:Urls";

    /// <summary>The product's meters all start with these names.</summary>
    public static readonly string[] ProductMeters = ["enrolment", "delivery", "accounts", "passwords"];

    /// <summary>
    /// OpenTelemetry for this host, scraped at Management:Urls (else <paramref name="defaultManagementUrl"/>)/metrics;
    /// no scrape endpoint when neither is given, so that hosts started side by side in tests never fight for a port.
    /// </summary>
    public static IHostApplicationBuilder AddProductTelemetry(
        this IHostApplicationBuilder builder, string serviceName, string? defaultManagementUrl)
    {
        var managementUrl = builder.Configuration[ManagementUrlsSetting] ?? defaultManagementUrl;
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter("Microsoft.Orleans")
                    .AddMeter(ProductMeters.Select(name => name + ".*").Concat(ProductMeters).ToArray());
                if (managementUrl is not null)
                {
                    metrics.AddPrometheusHttpListener(listener =>
                    {
                        var address = new Uri(managementUrl.Split(';')[0]);
                        listener.Host = address.Host;
                        listener.Port = address.Port;
                        listener.ScrapeEndpointPath = "/metrics";
                    });
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                // Request spans keep the route template, not the raw path, which holds journey ids.
                tracing.AddAspNetCoreInstrumentation(aspNet => aspNet.EnrichWithHttpRequest = (activity, _) =>
                        activity.SetTag("url.path", null))
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddNpgsql();
                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }
            });
        return builder;
    }
}
