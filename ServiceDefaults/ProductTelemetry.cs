using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Enrolment.ServiceDefaults;

/// <summary>
/// Metrics and traces as every process of the product records them: ASP.NET Core, Orleans, Npgsql, the runtime and
/// the product's own meters; spans stripped of personal data (<see cref="SpanScrubber"/>); OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and traces only then. Each host adds its own Prometheus endpoint on its
/// management address.
/// </summary>
public static class ProductTelemetry
{
    /// <summary>The setting holding a process's management address (its /metrics), never the public one.</summary>
    public const string ManagementUrlsSetting = "Management:Urls";

    /// <summary>Orleans' meter and its activity sources (grain calls, and the runtime's own work).</summary>
    private const string Orleans = "Microsoft.Orleans";

    public static OpenTelemetryBuilder AddProductTelemetry(
        this IHostApplicationBuilder builder, string serviceName, params string[] productMeters)
    {
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        return builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(Orleans)
                    .AddMeter(productMeters);
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            })
            .WithTracing(tracing =>
            {
                if (!otlp)
                {
                    // No exporter, no listener: spans nobody receives would still be made, scrubbed and dropped on
                    // every request, grain call and database command.
                    return;
                }

                // The scrubber comes first: the exporter added after it sees the spans it cleaned.
                tracing.AddProcessor(new SpanScrubber())
                    .AddAspNetCoreInstrumentation()
                    .AddSource($"{Orleans}.Runtime", $"{Orleans}.Application")
                    .AddNpgsql()
                    .AddOtlpExporter();
            });
    }
}
