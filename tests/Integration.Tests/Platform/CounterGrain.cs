using Enrolment.Grains;
using Orleans.Placement;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>A grain that exists only in these tests: a persisted counter that also tells which silo runs it.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Add(int amount);

    Task<int> Value();

    Task<string> SiloAddress();
}

public sealed class CounterState
{
    public int Value { get; set; }
}

[RandomPlacement]
public sealed class CounterGrain(
    [PersistentState("integration-counter", StorageNames.Store)] IPersistentState<CounterState> counter)
    : Grain, ICounterGrain
{
    public async Task<int> Add(int amount)
    {
        var saved = counter.State.Value;
        counter.State.Value = saved + amount;
        try
        {
            await counter.WriteStateAsync();
        }
        catch
        {
            // A write that failed (database down) must not leave an unsaved change in memory for the next call.
            counter.State.Value = saved;
            throw;
        }

        return counter.State.Value;
    }

    public Task<int> Value() => Task.FromResult(counter.State.Value);

    public Task<string> SiloAddress() => Task.FromResult(RuntimeIdentity);
}
