using System.Net;
using System.Net.Sockets;
using Enrolment.Gateway.Health;
using Enrolment.Gateway.Hosting;
using Enrolment.Silo.Database;
using Enrolment.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// Silos configured exactly as the product's silo (PostgreSQL clustering and grain state), each with its own
/// TCP ports, in a cluster of its own (unique ClusterId and ServiceId per test), plus a client configured as the
/// gateway's. Failure detection is quickened so that a killed silo is declared dead in seconds.
/// </summary>
public sealed class TestSilos(string connectionString) : IAsyncDisposable
{
    private readonly List<IHost> hosts = [];

    public string ClusterId { get; } = $"test-{Guid.NewGuid():N}";

    public string ServiceId { get; } = $"test-{Guid.NewGuid():N}";

    public async Task<IHost> StartSiloAsync()
    {
        // Development: these silos record messages with the development senders, which Production refuses.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Enrolment"] = connectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ServiceId,
            ["Orleans:SiloPort"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = LoopbackPorts.Free().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Sms:Provider"] = "Development",
            ["Delivery:Letters:Provider"] = "Development",
        });
        builder.AddEnrolmentDatabase();
        builder.AddEnrolmentSilo();
        builder.Services.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(1);
            membership.NumMissedProbesLimit = 2;
            membership.NumVotesForDeathDeclaration = 1;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });
        var host = builder.Build();
        await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await host.StartAsync();
        hosts.Add(host);
        return host;
    }

    /// <summary>Stops a silo without any goodbye, as a crash would: it neither deactivates nor leaves the cluster.</summary>
    public async Task KillAsync(IHost silo)
    {
        hosts.Remove(silo);
        await silo.StopAsync(new CancellationToken(canceled: true));
        silo.Dispose();
    }

    /// <summary>Stops a silo the normal way: it deactivates its grains and leaves the cluster.</summary>
    public async Task StopAsync(IHost silo)
    {
        hosts.Remove(silo);
        await silo.StopAsync();
        silo.Dispose();
    }

    /// <summary>
    /// A gateway set up by the gateway's own code — an Orleans client with ADO.NET clustering on the same tables —
    /// serving the health API on a free port; <paramref name="configure"/> adds settings or services of the gateway.
    /// </summary>
    public async Task<WebApplication> StartGatewayClientAsync(Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Enrolment"] = connectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:ServiceId"] = ServiceId,
            ["Urls"] = "http://127.0.0.1:0",
        });
        builder.AddEnrolmentClusterClient();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapHealthApi();
        await app.StartAsync();
        hosts.Add(app);
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await host.StopAsync(timeout.Token);
            host.Dispose();
        }
    }
}
