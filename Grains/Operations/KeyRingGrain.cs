using Enrolment.Grains.Interfaces.Operations;
using Orleans.Runtime;

namespace Enrolment.Grains.Operations;

/// <summary>Holds the shared data-protection key ring; state name "key-ring" of its own (the grain type is not in the storage key).</summary>
public sealed class KeyRingGrain(
    [PersistentState("key-ring", "enrolment-store")] IPersistentState<KeyRingState> ring) : Grain, IKeyRingGrain
{
    public Task<IReadOnlyList<KeyRingElement>> GetElements() =>
        Task.FromResult<IReadOnlyList<KeyRingElement>>(ring.State.Elements.ToArray());

    public async Task Store(KeyRingElement element)
    {
        var existing = ring.State.Elements.FindIndex(e => e.FriendlyName == element.FriendlyName);
        if (existing >= 0)
        {
            if (ring.State.Elements[existing] == element)
            {
                return;
            }

            ring.State.Elements[existing] = element;
        }
        else
        {
            ring.State.Elements.Add(element);
        }

        await ring.WriteStateAsync();
    }
}

[GenerateSerializer]
public sealed class KeyRingState
{
    [Id(0)]
    public List<KeyRingElement> Elements { get; set; } = [];
}
