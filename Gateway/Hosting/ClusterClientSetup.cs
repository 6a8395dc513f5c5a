using Enrolment.Gateway.Health;
using Orleans.Configuration;

namespace Enrolment.Gateway.Hosting;

public static class ClusterClientSetup
{
    /// <summary>PostgreSQL's ADO.NET invariant name, as Orleans knows it.</summary>
    private const string Invariant = "Npgsql";

    /// <summary>
    /// An Orleans client that finds the silos through the PostgreSQL membership table (same ClusterId and
    /// ServiceId as the silos, from the "Orleans" section). <c>Orleans:Clustering</c> = <c>External</c> skips it:
    /// the host then provides <see cref="IClusterClient"/> itself (tests hosting an in-process cluster).
    /// </summary>
    public static WebApplicationBuilder AddEnrolmentClusterClient(this WebApplicationBuilder builder)
    {
        // Readiness is a call into the cluster, whoever provides the client.
        builder.Services.AddClusterHealthChecks();
        var orleans = builder.Configuration.GetSection("Orleans");
        if (string.Equals(orleans["Clustering"], "External", StringComparison.OrdinalIgnoreCase))
        {
            return builder;
        }

        var connectionString = builder.Configuration.GetConnectionString("Enrolment")
            ?? builder.Configuration["ENROLMENT_DB"]
            ?? throw new InvalidOperationException(
                "No database: set ENROLMENT_DB (or ConnectionStrings:Enrolment) to a PostgreSQL connection string.");
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = orleans["ClusterId"] ?? "enrolment-dev";
                cluster.ServiceId = orleans["ServiceId"] ?? "enrolment";
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = Invariant;
                clustering.ConnectionString = connectionString;
            });
            // Silos that join later (./run.sh --silos 3, a restarted silo) are picked up within seconds.
            client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
            // A request's grain calls carry its trace to the silos.
            client.AddActivityPropagation();
            // The gateway may start before any silo: keep trying rather than fail to start.
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        return builder;
    }
}
