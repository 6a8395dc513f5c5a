using System.Collections.Concurrent;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Members;
using Enrolment.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using Xunit;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>One in-process silo with memory storage, a fake clock and in-memory edges, shared by the account tests.</summary>
public sealed class AccountClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public InMemoryDirectory Directory { get; } = new();

    public RecordingSms Sms { get; } = new();

    public RecordingLetters Letters { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Store);
            var configuration = new ConfigurationBuilder().Build();
            silo.Services.AddSingleton<TimeProvider>(Time);
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddSingleton<IMemberDirectory>(Directory);
            silo.Services.AddSingleton<ISmsSender>(Sms);
            silo.Services.AddSingleton<ILetterSender>(Letters);
            silo.Services.AddEnrolmentDomain(configuration);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

public sealed class InMemoryDirectory : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, MemberRecord> _members = new();

    public void Add(MemberRecord member) => _members[member.MemberNumber] = member;

    public Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(_members.Values.SingleOrDefault(m => NameKey.Normalise(m.LastName) == query.LastName && NameKey.Normalise(m.FirstName) == query.FirstName && m.BirthDate == query.BirthDate));

    public Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetValueOrDefault(memberNumber));
}

public sealed class RecordingSms : ISmsSender
{
    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<SmsMessage> To(string phone) => [.. Sent.Where(m => m.To == phone)];
}

public sealed class RecordingLetters : ILetterSender
{
    public ConcurrentQueue<LetterMessage> Sent { get; } = new();

    public Task SendAsync(LetterMessage letter, CancellationToken cancellationToken)
    {
        Sent.Enqueue(letter);
        return Task.CompletedTask;
    }

    public IReadOnlyList<LetterMessage> For(string memberNumber) => [.. Sent.Where(l => l.MemberNumber == memberNumber)];
}
