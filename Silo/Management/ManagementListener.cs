using Enrolment.Grains.Operations;
using Enrolment.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace Enrolment.Silo.Management;

/// <summary>
/// The silo's only HTTP listener, on <see cref="ManagementSettings.Urls"/>: Prometheus' /metrics and the Orleans
/// dashboard at /dashboard (grains, activations, calls and errors per grain type), behind <see cref="DashboardGate"/>.
/// </summary>
public static class ManagementListener
{
    public static WebApplicationBuilder AddManagementListener(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(ManagementSettings.Section).Get<ManagementSettings>() ?? new ManagementSettings();
        builder.WebHost.UseUrls(settings.Urls);
        builder.AddProductTelemetry("enrolment-silo", ProductMetrics.MeterName)
            .WithMetrics(metrics => metrics.AddPrometheusExporter());
        builder.Services.AddSingleton(new DashboardGate(
            settings, builder.Environment.IsDevelopment() && DashboardGate.IsLoopbackOnly(settings.Urls)));
        // The dashboard's live log is left out: log lines are for the journal, not for a browser tab.
        builder.UseOrleans(silo => silo.AddDashboard(dashboard => dashboard.HideTrace = true));
        return builder;
    }

    public static WebApplication MapManagementEndpoints(this WebApplication app)
    {
        var gate = app.Services.GetRequiredService<DashboardGate>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(DashboardGate.Path),
            dashboard => dashboard.Use(gate.InvokeAsync));
        app.MapPrometheusScrapingEndpoint();
        app.MapOrleansDashboard(DashboardGate.Path);
        return app;
    }
}
