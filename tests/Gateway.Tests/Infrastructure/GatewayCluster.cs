using Enrolment.Grains.Operations;
using Enrolment.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>
/// The test cluster with the two development members of the README in its directory and the fake senders behind the dev
/// outbox, and a gateway over it whose cluster client is the test cluster's.
/// </summary>
public sealed class GatewayCluster() : TestCluster(start: new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
{
    /// <summary>The gateway most tests use; rate limits raised so that they do not trip over each other.</summary>
    public GatewayFactory Gateway { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Directory.Add(TestMembers.PaulComet);
        Directory.Add(TestMembers.MarieHeleneDarcy);
        await base.InitializeAsync();
        Gateway = NewGateway(new Dictionary<string, string?>
        {
            ["RateLimits:IdentitySearchPerMinute"] = "100000",
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:PasswordResetPerMinute"] = "100000",
            ["RateLimits:CodeResendPerMinute"] = "100000",
        });
    }

    /// <summary>Another gateway instance over the same cluster, with its own settings.</summary>
    public GatewayFactory NewGateway(
        IDictionary<string, string?> settings, string environment = "Development", Action<IServiceCollection>? services = null) =>
        new(Cluster.Client, settings, environment, services);

    public override async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await base.DisposeAsync();
    }

    protected override void ConfigureSilo(IServiceCollection services) =>
        services.AddSingleton<IDeliveredMessages>(new RecordedOutbox(Sms, Letters, Time));
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayCluster>
{
    public const string Name = "gateway";
}
