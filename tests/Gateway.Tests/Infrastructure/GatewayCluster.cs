using Enrolment.Grains;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Members;
using Enrolment.Grains.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>
/// One in-process silo with memory storage, a fake clock and fakes at the edges, shared by the tests of a collection,
/// and a gateway over it whose cluster client is the test cluster's.
/// </summary>
public sealed class GatewayCluster : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TestMembers Members { get; } = new();

    public RecordingSmsSender Sms { get; } = new();

    public RecordingLetterSender Letters { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>The gateway most tests use; rate limits raised so that they do not trip over each other.</summary>
    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(StorageNames.Store).UseInMemoryReminderService());
        builder.ConfigureSiloHost((_, host) =>
        {
            // The domain's grains and rules, with hashing cheap enough for tests; every rule keeps its default.
            host.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PasswordHashing:MemoryKib"] = "1024",
                ["PasswordHashing:Passes"] = "1",
            });
            host.Services.AddEnrolmentDomain(host.Configuration);
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            host.Services.AddSingleton<IMemberDirectory>(Members);
            host.Services.AddSingleton<ISmsSender>(Sms);
            host.Services.AddSingleton<ILetterSender>(Letters);
            host.Services.AddSingleton<IDeliveredMessages>(new RecordedOutbox(Sms, Letters, Clock));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
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

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayCluster>
{
    public const string Name = "gateway";
}
