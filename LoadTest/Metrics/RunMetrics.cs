using System.Collections.Concurrent;
using System.Diagnostics;
using Enrolment.LoadTest.Engine;
using HdrHistogram;

namespace Enrolment.LoadTest.Metrics;

/// <summary>Everything counted during a run; safe to update from every virtual member at once.</summary>
internal sealed class RunMetrics
{
    private const long HighestMicroseconds = 10L * 60 * 1_000_000;

    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, LongConcurrentHistogram> _latencies;
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private readonly ConcurrentDictionary<(string Step, string Error), long> _errorsByStep = new();
    private readonly ConcurrentDictionary<string, long> _recovered = new();
    private readonly ConcurrentQueue<StepAcknowledgement>? _acknowledgements;
    private readonly long[] _startedByScenario = new long[3];
    private readonly long[] _completedByScenario = new long[3];
    private long _requests;
    private long _persistedSteps;
    private long _started;
    private long _completed;
    private long _failed;
    private long _abandoned;
    private long _dropped;

    public RunMetrics(TimeSpan maxTime, bool recordAcknowledgements)
    {
        _latencies = StepNames.All.ToDictionary(
            name => name, _ => new LongConcurrentHistogram(1, HighestMicroseconds, 3));
        Completions = new PerSecond(maxTime);
        PersistedSteps = new PerSecond(maxTime);
        _acknowledgements = recordAcknowledgements ? new ConcurrentQueue<StepAcknowledgement>() : null;
    }

    public PerSecond Completions { get; }

    public PerSecond PersistedSteps { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);

    public long Started => Interlocked.Read(ref _started);

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    public long Abandoned => Interlocked.Read(ref _abandoned);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Requests => Interlocked.Read(ref _requests);

    public long PersistedStepCount => Interlocked.Read(ref _persistedSteps);

    public long UnexpectedAnswers => _errors.Values.Sum();

    public void RecordLatency(string step, TimeSpan latency)
    {
        Interlocked.Increment(ref _requests);
        _latencies[step].RecordValue(Math.Clamp((long)latency.TotalMicroseconds, 1, HighestMicroseconds));
    }

    public void RecordAcknowledged(string step, string memberNumber, string? enrolmentId)
    {
        if (StepNames.IsPersisted(step))
        {
            Interlocked.Increment(ref _persistedSteps);
            PersistedSteps.Add(Elapsed);
        }

        _acknowledgements?.Enqueue(new StepAcknowledgement(memberNumber, step, enrolmentId, DateTimeOffset.UtcNow));
    }

    /// <summary>An answer the journey did not expect: a problem <c>code</c>, <c>http-NNN</c>, or a transport error.</summary>
    public void RecordError(string step, string error)
    {
        _errors.AddOrUpdate(error, 1, (_, n) => n + 1);
        _errorsByStep.AddOrUpdate((step, error), 1, (_, n) => n + 1);
    }

    /// <summary>An answer that was lost (transport error or 5xx) and whose step was then replayed.</summary>
    public void RecordRecovered(string step, string error) =>
        _recovered.AddOrUpdate($"{step}:{error}", 1, (_, n) => n + 1);

    public void JourneyStarted(Scenario scenario)
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _startedByScenario[(int)scenario]);
    }

    public void JourneyEnded(Scenario scenario, JourneyOutcome outcome)
    {
        switch (outcome)
        {
            case JourneyOutcome.Completed:
                Interlocked.Increment(ref _completed);
                Interlocked.Increment(ref _completedByScenario[(int)scenario]);
                Completions.Add(Elapsed);
                break;
            case JourneyOutcome.Failed:
                Interlocked.Increment(ref _failed);
                break;
            default:
                Interlocked.Increment(ref _abandoned);
                break;
        }
    }

    public void JourneyDropped() => Interlocked.Increment(ref _dropped);

    public IReadOnlyDictionary<string, long> Errors => new SortedDictionary<string, long>(_errors, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Recovered =>
        new SortedDictionary<string, long>(_recovered, StringComparer.Ordinal);

    public IReadOnlyList<StepErrorCount> ErrorsByStep =>
        _errorsByStep.Select(e => new StepErrorCount(e.Key.Step, e.Key.Error, e.Value))
            .OrderBy(e => e.Step, StringComparer.Ordinal).ThenBy(e => e.Error, StringComparer.Ordinal).ToList();

    public IReadOnlyList<StepAcknowledgement> Acknowledgements => _acknowledgements?.ToList() ?? [];

    public IReadOnlyList<ScenarioFigures> Scenarios =>
        Enum.GetValues<Scenario>()
            .Select(s => new ScenarioFigures(ScenarioNames.Of(s),
                Interlocked.Read(ref _startedByScenario[(int)s]), Interlocked.Read(ref _completedByScenario[(int)s])))
            .ToList();

    public IReadOnlyList<StepLatency> Latencies =>
        StepNames.All.Select(name => StepLatency.Of(name, _latencies[name])).ToList();

    public long CountOf(string step) => _latencies[step].TotalCount;
}

public enum JourneyOutcome
{
    Completed,
    Failed,
    Abandoned,
}
