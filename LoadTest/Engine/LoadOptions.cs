using Enrolment.LoadTest.Members;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>What one load run does: against which gateway, how many virtual members, for how long, with which mix.</summary>
public sealed record LoadOptions
{
    /// <summary>Gateway base address; only loopback addresses are accepted.</summary>
    public Uri Target { get; init; } = new("http://127.0.0.1:5080");

    /// <summary>Closed model: this many virtual members at once, each starting a new journey when one ends.</summary>
    public int Users { get; init; } = 16;

    /// <summary>Open model when set: journeys started per second whatever the answers' pace.</summary>
    public double? Rate { get; init; }

    /// <summary>Open model: at most this many journeys in flight; a start beyond it is counted as dropped.</summary>
    public int MaxInFlight { get; init; } = 5_000;

    /// <summary>How long new journeys are started. Either this or <see cref="Journeys"/> (or both) bounds the load.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>How many journeys to start in all.</summary>
    public long? Journeys { get; init; }

    /// <summary>Closed model: members join evenly over this time. Open model: the rate climbs linearly over it.</summary>
    public TimeSpan RampUp { get; init; } = TimeSpan.Zero;

    /// <summary>Hard bound: everything still running is cancelled then. Default: duration (or 10 min) + 60 s.</summary>
    public TimeSpan? MaxTime { get; init; }

    /// <summary>First directory index this run may use; the next run starts at the report's <c>NextStart</c>.</summary>
    public long Start { get; init; }

    /// <summary>How many members the directory was seeded with (<c>seed --members N</c>); exactly that number.</summary>
    public int DirectorySize { get; init; } = 1_000_000;

    /// <summary>Scenario weights; default 70 % SMS to the phone on file, 20 % SMS to a new phone, 10 % letter.</summary>
    public ScenarioMix Mix { get; init; } = ScenarioMix.Default;

    /// <summary>Sign-ins with the new password once a journey is complete.</summary>
    public int SignIns { get; init; } = 1;

    /// <summary>When set, every journey ends successfully right after this step (journeys left open).</summary>
    public string? StopAfter { get; init; }

    /// <summary>Replays of a step whose answer was lost (transport error or 5xx); steps are idempotent.</summary>
    public int StepRetries { get; init; }

    /// <summary>Pause before such a replay.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long to wait for a code or letter to reach the development outbox.</summary>
    public TimeSpan OutboxTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time limit of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Connection pool size; default: enough for every member or in-flight journey.</summary>
    public int? MaxConnections { get; init; }

    /// <summary>Keep which steps were acknowledged for which member (the report's <c>Acknowledgements</c>).</summary>
    public bool RecordAcknowledgements { get; init; } = true;

    /// <summary>Called about twice a second with the figures so far (the live display).</summary>
    public Action<ProgressSnapshot>? OnProgress { get; init; }

    /// <summary>The directory the members come from; default: the development directory of <see cref="DirectorySize"/> members.</summary>
    public IMemberSource? Members { get; init; }

    public TimeSpan EffectiveMaxTime =>
        MaxTime ?? (Duration ?? TimeSpan.FromMinutes(10)) + RampUp + TimeSpan.FromSeconds(60);
}
