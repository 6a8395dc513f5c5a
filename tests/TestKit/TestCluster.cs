using Enrolment.Grains;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Members;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Enrolment.TestKit;

/// <summary>
/// One in-process silo shared by the tests of a collection: memory storage named like the real one, whose state
/// goes through System.Text.Json as in the silo, a clock the tests move, and recording fakes at the edges (SMS,
/// letters, member directory, logs). Tests of a collection run one after another, so a test may move the clock;
/// each test uses its own members.
/// </summary>
public class TestCluster : IAsyncLifetime
{
    /// <summary>Settings that differ from production: hashing cheap enough for tests; every rule keeps its default.</summary>
    private static readonly Dictionary<string, string?> TestSettings = new()
    {
        ["PasswordHashing:MemoryKib"] = "1024",
        ["PasswordHashing:Passes"] = "1",
    };

    private const string MemoryStore = "memory";

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private InProcessTestCluster? _cluster;

    /// <summary>A cluster with some rules changed (<paramref name="settings"/> over the test settings).</summary>
    public TestCluster(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Time = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    }

    public FakeTimeProvider Time { get; }

    public FakeSmsSender Sms { get; } = new();

    public FakeLetterSender Letters { get; } = new();

    public FakeMemberDirectory Directory { get; } = new();

    public RecordingLoggerProvider Logs { get; } = new();

    /// <summary>The grain storage named <see cref="StorageNames.Store"/>; can be told to fail writes.</summary>
    public FlakyGrainStorage Storage { get; private set; } = null!;

    /// <summary>The reminder table; can be told to refuse registrations.</summary>
    public FlakyReminderTable Reminders { get; private set; } = null!;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public IGrainFactory Grains => Cluster.Client;

    public virtual async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(TestSettings);
            host.Configuration.AddInMemoryCollection(_settings);
            host.Services.AddEnrolmentDomain(host.Configuration);
            host.Services.AddSingleton<TimeProvider>(Time);
            host.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            host.Services.AddSingleton<ISmsSender>(Sms);
            host.Services.AddSingleton<ILetterSender>(Letters);
            host.Services.AddSingleton<IMemberDirectory>(Directory);
            host.Logging.AddProvider(Logs);
            host.Logging.AddFilter<RecordingLoggerProvider>("Enrolment", LogLevel.Debug);
            ConfigureSilo(host.Services);
        });
        // State goes through System.Text.Json as in the silo, so that a state the real storage could not read back fails here.
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(MemoryStore).UseSystemTextJsonGrainStorageSerializer().UseInMemoryReminderService());
        builder.ConfigureSiloHost((_, host) => host.Services.AddKeyedSingleton<IGrainStorage>(
            StorageNames.Store,
            (services, _) => Storage = new FlakyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(MemoryStore))));
        builder.ConfigureSiloHost((_, host) => WrapReminderTable(host.Services));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Moves the shared clock, off the test thread (timers it makes due run on the caller).</summary>
    public Task Advance(TimeSpan by) => Task.Run(() => Time.Advance(by));

    /// <summary>Reads a grain's stored state directly from the storage provider, as a later activation would.</summary>
    public async Task<T> ReadStoredState<T>(string stateName, GrainId grainId)
        where T : new()
    {
        var storage = Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grainId, state);
        return state.State ?? new T();
    }

    private void WrapReminderTable(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IReminderTable));
        services.Remove(registered);
        services.AddSingleton<IReminderTable>(provider => Reminders = new FlakyReminderTable(registered.ImplementationFactory is { } create
            ? (IReminderTable)create(provider)
            : (IReminderTable)ActivatorUtilities.GetServiceOrCreateInstance(provider, registered.ImplementationType!)));
    }

    /// <summary>More services of the silo, for a collection whose tests need them.</summary>
    protected virtual void ConfigureSilo(IServiceCollection services)
    {
    }
}
