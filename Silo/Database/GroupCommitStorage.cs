using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;

namespace Enrolment.Silo.Database;

/// <summary>
/// Grain storage whose reads and writes, when several grains ask at once, go to PostgreSQL together: one batch of
/// statements, one round trip, one commit (and one fsync) for all of them, instead of a transaction each. The
/// statements are the ADO.NET provider's own (table <c>OrleansQuery</c>) on the same rows, so either can read what the
/// other wrote; a caller's task completes only once its batch is committed, so an acknowledged step is stored as
/// before. Clearing goes through the ADO.NET provider. A failed batch fails every caller in it, as a failed
/// transaction would have failed each; version conflicts are per row and fail only their own caller.
/// </summary>
internal sealed class GroupCommitStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>At most this many statements in one batch: a batch is one transaction, kept short.</summary>
    private const int MaxBatch = 64;

    /// <summary>
    /// Batches in flight at once, for reads and for writes apart: while some commit, the next ones gather, and an
    /// activation's read never waits behind a write's flush to disk (a batch of reads commits nothing).
    /// </summary>
    private const int LoopsEach = 4;

    private readonly IGrainStorage _inner;
    private readonly NpgsqlDataSource _dataSource;
    private readonly IGrainStorageSerializer _serializer;
    private readonly string _serviceId;
    private readonly Channel<StorageStatement> _reads = Channel.CreateUnbounded<StorageStatement>();
    private readonly Channel<StorageStatement> _writes = Channel.CreateUnbounded<StorageStatement>();
    private readonly Lock _gate = new();
    private Task<ProviderQueries>? _queries;

    public GroupCommitStorage(IGrainStorage inner, NpgsqlDataSource dataSource, IGrainStorageSerializer serializer, IOptions<ClusterOptions> cluster)
    {
        _inner = inner;
        _dataSource = dataSource;
        _serializer = serializer;
        _serviceId = cluster.Value.ServiceId;
        for (var i = 0; i < LoopsEach; i++)
        {
            _ = Task.Run(() => CommitBatchesAsync(_reads.Reader));
            _ = Task.Run(() => CommitBatchesAsync(_writes.Reader));
        }
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queries = await QueriesAsync();
        var read = new StorageStatement(queries.Read, Key(stateName, grainId), Version: null, Payload: null);
        var (payload, version) = await RunAsync(_reads, read);
        grainState.State = payload is null ? Activator.CreateInstance<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = version is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var queries = await QueriesAsync();
        var version = string.IsNullOrEmpty(grainState.ETag) ? (int?)null : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var write = new StorageStatement(queries.Write, Key(stateName, grainId), version, _serializer.Serialize(grainState.State).ToArray());
        var (_, stored) = await RunAsync(_writes, write);
        if (stored is null || stored == version)
        {
            // The row's version was not the one this activation read: another activation wrote it (the provider's rule).
            throw new InconsistentStateException($"Version conflict writing the state {stateName}: ETag={grainState.ETag}.");
        }

        grainState.ETag = stored.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        _inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle observer) => (_inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);

    /// <summary>The statements, read once; a failed read (the database still starting) is tried again next time.</summary>
    private Task<ProviderQueries> QueriesAsync()
    {
        if (_queries is { IsCompletedSuccessfully: true } loaded)
        {
            return loaded;
        }

        lock (_gate)
        {
            if (_queries is null || _queries.IsFaulted || _queries.IsCanceled)
            {
                _queries = ProviderQueries.LoadAsync(_dataSource);
            }

            return _queries;
        }
    }

    private RowKey Key(string stateName, GrainId grainId) => RowKey.Of(_serviceId, stateName, grainId);

    private static Task<(byte[]? Payload, int? Version)> RunAsync(Channel<StorageStatement> queue, StorageStatement statement)
    {
        queue.Writer.TryWrite(statement);
        return statement.Done.Task;
    }

    private async Task CommitBatchesAsync(ChannelReader<StorageStatement> queue)
    {
        var batch = new List<StorageStatement>(MaxBatch);
        while (await queue.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.TryRead(out var statement))
            {
                batch.Add(statement);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<StorageStatement> statements)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var batch = new NpgsqlBatch(connection);
            foreach (var statement in statements)
            {
                batch.BatchCommands.Add(statement.ToCommand());
            }

            // No explicit transaction: the statements of one batch run in one implicit transaction, committed once.
            await using var reader = await batch.ExecuteReaderAsync();
            var results = new List<(byte[]?, int?)>(statements.Count);
            foreach (var statement in statements)
            {
                results.Add(await statement.ReadResultAsync(reader));
                await reader.NextResultAsync();
            }

            await reader.DisposeAsync();
            for (var i = 0; i < statements.Count; i++)
            {
                statements[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception exception)
        {
            foreach (var statement in statements)
            {
                statement.Done.TrySetException(exception);
            }
        }
    }

    /// <summary>The ADO.NET provider's read and write statements, as the schema stored them.</summary>
    private sealed record ProviderQueries(string Read, string Write)
    {
        public static async Task<ProviderQueries> LoadAsync(NpgsqlDataSource dataSource)
        {
            await using var command = dataSource.CreateCommand(
                "SELECT querykey, querytext FROM orleansquery WHERE querykey IN ('ReadFromStorageKey', 'WriteToStorageKey')");
            await using var reader = await command.ExecuteReaderAsync();
            var texts = new Dictionary<string, string>();
            while (await reader.ReadAsync())
            {
                texts[reader.GetString(0)] = reader.GetString(1);
            }

            return new(texts["ReadFromStorageKey"], texts["WriteToStorageKey"]);
        }
    }
}

internal static class GroupCommitStorageSetup
{
    /// <summary>Puts a <see cref="GroupCommitStorage"/> in front of the grain storage registered under <paramref name="name"/>.</summary>
    public static void CommitTogether(this IServiceCollection services, string name) =>
        services.WrapGrainStorage(name, (provider, inner) => new GroupCommitStorage(
            inner,
            provider.GetRequiredService<NpgsqlDataSource>(),
            provider.GetRequiredService<IGrainStorageSerializer>(),
            provider.GetRequiredService<IOptions<ClusterOptions>>()));
}
