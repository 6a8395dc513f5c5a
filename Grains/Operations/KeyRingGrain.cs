using System.Globalization;
using System.Xml.Linq;
using Enrolment.Grains.Interfaces.Operations;
using Orleans.Runtime;

namespace Enrolment.Grains.Operations;

/// <summary>
/// Holds the shared data-protection key ring; state name "key-ring" of its own (the grain type is not in the storage key).
/// </summary>
public sealed class KeyRingGrain(
    [PersistentState("key-ring", StorageNames.Store)] IPersistentState<KeyRingState> ring) : Grain, IKeyRingGrain
{
    /// <summary>Keys created this close together come from gateways starting at once on an empty ring, not from a rollover.</summary>
    private static readonly TimeSpan StartUpRace = TimeSpan.FromMinutes(10);

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
        else if (LosesStartUpRace(element))
        {
            // Each gateway re-reads the ring right after creating a key: keeping only the first one stored makes
            // every gateway choose the same default key, so an id protected by one is read by all.
            return;
        }
        else
        {
            ring.State.Elements.Add(element);
        }

        await ring.WriteStateAsync();
    }

    private bool LosesStartUpRace(KeyRingElement element) =>
        CreationDate(element.Xml) is { } created
        && !ring.State.Elements.Any(e => XElement.Parse(e.Xml).Name.LocalName == "revocation")
        && ring.State.Elements.Any(e => CreationDate(e.Xml) is { } other && (created - other).Duration() < StartUpRace);

    /// <summary>The creation date of a key element (<c>&lt;key&gt;&lt;creationDate&gt;</c>); null for anything else.</summary>
    private static DateTimeOffset? CreationDate(string xml)
    {
        var root = XElement.Parse(xml);
        return root.Name.LocalName == "key"
            && DateTimeOffset.TryParse((string?)root.Element("creationDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : null;
    }
}

[GenerateSerializer]
public sealed class KeyRingState
{
    [Id(0)]
    public List<KeyRingElement> Elements { get; set; } = [];
}
