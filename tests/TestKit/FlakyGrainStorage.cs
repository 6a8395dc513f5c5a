using System.Collections.Concurrent;
using Orleans.Storage;

namespace Enrolment.TestKit;

/// <summary>
/// The test storage, which can be told to refuse the next writes of one grain, as a database outage would, and
/// counts the reads and writes of each grain (each one a statement in the real database).
/// </summary>
public sealed class FlakyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> _failingWrites = new();
    private readonly ConcurrentDictionary<GrainId, int> _writes = new();
    private readonly ConcurrentDictionary<GrainId, int> _reads = new();

    private readonly ConcurrentDictionary<GrainId, int> _passingWrites = new();

    public void FailWrites(GrainId grainId, int times) => _failingWrites[grainId] = times;

    /// <summary>Lets the next <paramref name="passing"/> writes of the grain through, then refuses <paramref name="failing"/>.</summary>
    public void FailWritesAfter(GrainId grainId, int passing, int failing)
    {
        _passingWrites[grainId] = passing;
        _failingWrites[grainId] = failing;
    }

    public int WritesOf(GrainId grainId) => _writes.GetValueOrDefault(grainId);

    /// <summary>How many times the grain's state was read: once by each activation, and by each <c>ReadStoredState</c>.</summary>
    public int ReadsOf(GrainId grainId) => _reads.GetValueOrDefault(grainId);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _reads.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        if (_passingWrites.TryGetValue(grainId, out var passing) && passing > 0)
        {
            _passingWrites[grainId] = passing - 1;
        }
        else if (_failingWrites.TryGetValue(grainId, out var left) && left > 0)
        {
            _failingWrites[grainId] = left - 1;
            throw new TimeoutException("The database did not answer.");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
