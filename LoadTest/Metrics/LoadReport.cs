using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enrolment.LoadTest.Metrics;

/// <summary>
/// The figures of one run. Written as JSON by <c>--json</c> with these field names (camel case);
/// docs/benchmarks.md describes each field.
/// </summary>
public sealed record LoadReport
{
    public int FormatVersion { get; init; } = 1;

    public required string Target { get; init; }

    /// <summary>"closed" (fixed number of members) or "open" (fixed arrival rate).</summary>
    public required string Model { get; init; }

    public int? Users { get; init; }

    public double? Rate { get; init; }

    public required string Mix { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required double RampUpSeconds { get; init; }

    /// <summary>True when the hard time limit cancelled journeys still running.</summary>
    public required bool MaxTimeReached { get; init; }

    public required DirectoryRange Directory { get; init; }

    public required JourneyFigures Journeys { get; init; }

    public required Throughput Throughput { get; init; }

    public required IReadOnlyList<StepLatency> Steps { get; init; }

    public required ErrorFigures Errors { get; init; }

    /// <summary>CPU time this process spent while the load ran (user + system, all threads), in milliseconds.</summary>
    public double ProcessCpuMs { get; init; }

    /// <summary>Every acknowledged step (when recorded); kept out of the JSON file for size.</summary>
    [JsonIgnore]
    public IReadOnlyList<StepAcknowledgement> Acknowledgements { get; init; } = [];

    /// <summary>No unexpected answer, and nothing cut short by the time limit.</summary>
    [JsonIgnore]
    public bool Succeeded => Errors.Total == 0 && Journeys.Failed == 0 && !MaxTimeReached;

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>The directory indices this run used: [start, nextStart). The next run starts at nextStart.</summary>
public sealed record DirectoryRange(long Start, long NextStart);

public sealed record JourneyFigures(
    long Started, long Completed, long Failed, long Abandoned, long Dropped, IReadOnlyList<ScenarioFigures> ByScenario);

/// <summary>Rates over the measured window: from the end of the ramp-up to when the load stopped starting journeys.</summary>
public sealed record Throughput(
    double WindowSeconds,
    double CompletedJourneysPerSecond,
    double PersistedStepsPerSecond,
    double RequestsPerSecond,
    long PersistedSteps,
    long Requests);

/// <summary>
/// Unexpected answers (<c>total</c>, by problem code or <c>http-NNN</c> or <c>transport-…</c>, and by step), and
/// lost answers whose step was replayed successfully or not (<c>replayed</c>, keyed <c>step:error</c>).
/// </summary>
public sealed record ErrorFigures(
    long Total,
    IReadOnlyDictionary<string, long> ByCode,
    IReadOnlyList<StepErrorCount> ByStep,
    IReadOnlyDictionary<string, long> Replayed);

/// <summary>The running figures shown by the live display.</summary>
public sealed record ProgressSnapshot(
    TimeSpan Elapsed,
    long Started,
    long Completed,
    long Failed,
    long InFlight,
    double StepsPerSecond,
    double CompletedPerSecond,
    IReadOnlyDictionary<string, long> Errors);
