using Enrolment.Grains;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// The silo's grain storage commits the reads and writes of grains that ask at once together, each caller still
/// answered on its own. A database of its own, so that its commit count is this silo's alone.
/// </summary>
public sealed class GroupCommitStorageTests : IAsyncLifetime
{
    private ScratchDatabase _database = null!;
    private TestSilos _silos = null!;
    private IHost _silo = null!;

    [Fact]
    public async Task Writes_that_arrive_while_the_database_is_busy_are_each_stored_in_far_fewer_commits()
    {
        var storage = await WarmStorageAsync();
        var states = Enumerable.Range(0, 200).Select(i => (Id: GrainId.Create("counter", $"batched-{i}"), State: new GrainState<CounterState>(new CounterState { Value = i }))).ToList();

        await await HoldingWritesAsync(() => Task.WhenAll(states.Select(s => storage.WriteStateAsync("integration-counter", s.Id, s.State))));

        var commits = await TransactionsThatWroteAsync("batched-");
        Assert.True(commits < 20, $"200 writes at once took {commits} transactions");
        foreach (var (id, written) in states)
        {
            var read = new GrainState<CounterState>(new CounterState());
            await storage.ReadStateAsync("integration-counter", id, read);
            Assert.Equal(written.State!.Value, read.State!.Value);
            Assert.Equal(written.ETag, read.ETag);
        }
    }

    [Fact]
    public async Task A_stale_write_among_others_fails_alone()
    {
        var storage = await WarmStorageAsync();
        var contested = GrainId.Create("counter", "contested-in-batch");
        await storage.WriteStateAsync("integration-counter", contested, new GrainState<CounterState>(new CounterState { Value = 1 }));
        var stale = new GrainState<CounterState>(new CounterState { Value = 2 });
        var others = Enumerable.Range(0, 50).Select(i => (Id: GrainId.Create("counter", $"beside-{i}"), State: new GrainState<CounterState>(new CounterState { Value = i }))).ToList();

        var (staleWrite, otherWrites) = await HoldingWritesAsync(() => (
            storage.WriteStateAsync("integration-counter", contested, stale),
            Task.WhenAll(others.Select(o => storage.WriteStateAsync("integration-counter", o.Id, o.State)))));

        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await otherWrites;
        Assert.All(others, o => Assert.Equal("1", o.State.ETag));
    }

    /// <summary>The silo's grain storage, its statements loaded and a connection open: a write is queued at once.</summary>
    private async Task<IGrainStorage> WarmStorageAsync()
    {
        var storage = _silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        await storage.WriteStateAsync("integration-counter", GrainId.Create("counter", "warm-up"), new GrainState<CounterState>(new CounterState()));
        return storage;
    }

    /// <summary>
    /// Holds every grain-state write at the database (a lock on the table) while <paramref name="start"/> queues
    /// its writes, so that they gather as they do when PostgreSQL is busy; then lets them go.
    /// </summary>
    private async Task<T> HoldingWritesAsync<T>(Func<T> start)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("LOCK TABLE grain_state IN SHARE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var started = start();
        await transaction.RollbackAsync();
        return started;
    }

    /// <summary>How many transactions wrote these rows: rows written by one transaction share its id (xmin).</summary>
    private async Task<long> TransactionsThatWroteAsync(string keyPrefix)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(DISTINCT xmin::text) FROM grain_state WHERE state_name = 'integration-counter' AND grain_key LIKE $1");
        command.Parameters.Add(new NpgsqlParameter { Value = keyPrefix + "%" });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateScratchAsync();
        _silos = new TestSilos(_database.ConnectionString);
        _silo = await _silos.StartSiloAsync();
    }

    public async Task DisposeAsync()
    {
        await _silos.DisposeAsync();
        await _database.DisposeAsync();
    }
}
