using System.Collections.Concurrent;
using Enrolment.LoadTest.Members;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>Starts journeys at the pace of the chosen model and stops starting them when the load is over.</summary>
internal sealed class JourneyRunner(GatewayClient client, DevOutbox outbox, RunMetrics metrics, LoadOptions options,
    MemberAllocator allocator)
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(10);
    private readonly ScenarioSequence _scenarios = new(options.Mix);
    private long _journeysLeft = options.Journeys ?? long.MaxValue;
    private long _inFlight;
    private long _loadEndedTicks = -1;

    /// <summary>When the run stopped starting new journeys (time since its start), once it has.</summary>
    public TimeSpan? LoadEndedAt => Interlocked.Read(ref _loadEndedTicks) is >= 0 and var ticks ? new TimeSpan(ticks) : null;

    /// <summary>Closed model: each member starts a new journey as soon as the previous one ended.</summary>
    public async Task RunClosedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(Enumerable.Range(0, options.Users).Select(i => MemberAsync(i, cancellationToken)));
        MarkLoadEnded();
    }

    private async Task MemberAsync(int number, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.RampUp * number / options.Users, cancellationToken);
            while (ClaimJourney() && await RunOneAsync(cancellationToken))
            {
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The hard time limit.
        }
    }

    /// <summary>Open model: journeys arrive at <paramref name="rate"/> per second (climbing over the ramp-up), whatever the answers' pace.</summary>
    public async Task RunOpenAsync(double rate, CancellationToken cancellationToken)
    {
        var running = new ConcurrentDictionary<Task, byte>();
        long issued = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var due = (long)ArrivalsBy(metrics.Elapsed, rate);
                while (issued < due && ClaimJourney())
                {
                    issued++;
                    if (Interlocked.Read(ref _inFlight) >= options.MaxInFlight)
                    {
                        metrics.JourneyDropped();
                        continue;
                    }

                    var journey = Task.Run(() => RunOneAsync(cancellationToken), cancellationToken);
                    running.TryAdd(journey, 0);
                    _ = journey.ContinueWith(t => running.TryRemove(t, out _), TaskScheduler.Default);
                }

                if (LoadEndedAt is not null)
                {
                    break;
                }

                await Task.Delay(Tick, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The hard time limit.
        }

        MarkLoadEnded();
        await Task.WhenAll(running.Keys).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Journeys due by <paramref name="elapsed"/>: the rate climbs linearly over the ramp-up, then holds.</summary>
    private double ArrivalsBy(TimeSpan elapsed, double rate)
    {
        var t = elapsed.TotalSeconds;
        var ramp = options.RampUp.TotalSeconds;
        return t < ramp ? rate * t * t / (2 * ramp) : rate * (t - (ramp / 2));
    }

    /// <summary>Takes one journey from the budget; false once the duration or the journey count is reached.</summary>
    private bool ClaimJourney()
    {
        if (LoadEndedAt is not null)
        {
            return false;
        }

        var overTime = options.Duration is { } duration && metrics.Elapsed >= options.RampUp + duration;
        if (overTime || Interlocked.Decrement(ref _journeysLeft) < 0)
        {
            MarkLoadEnded();
            return false;
        }

        return true;
    }

    /// <summary>One journey with a fresh member; false when the directory range is used up.</summary>
    private async Task<bool> RunOneAsync(CancellationToken cancellationToken)
    {
        var scenario = _scenarios.Next();
        if (!allocator.TryTake(needsMobile: scenario == Scenario.SmsOnFile, out var member))
        {
            MarkLoadEnded();
            return false;
        }

        metrics.JourneyStarted(scenario);
        Interlocked.Increment(ref _inFlight);
        try
        {
            var outcome = await new Journey(client, outbox, metrics, options, member, scenario).RunAsync(cancellationToken);
            metrics.JourneyEnded(scenario, outcome);
            return true;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void MarkLoadEnded() => Interlocked.CompareExchange(ref _loadEndedTicks, metrics.Elapsed.Ticks, -1);

    public ProgressSnapshot Snapshot()
    {
        var now = metrics.Elapsed;
        var recent = (now - TimeSpan.FromSeconds(3), now);
        return new ProgressSnapshot(now, metrics.Started, metrics.Completed, metrics.Failed, Interlocked.Read(ref _inFlight),
            metrics.PersistedSteps.RateBetween(recent.Item1, recent.Item2),
            metrics.Completions.RateBetween(recent.Item1, recent.Item2), metrics.Errors);
    }
}
