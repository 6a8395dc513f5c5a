using System.Diagnostics;
using System.Net;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Members;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>
/// Runs virtual members through journeys against a gateway, closed model (a fixed number of members) or open model
/// (a fixed arrival rate), until the duration or the journey count is reached, and never past the hard time limit.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        LoopbackTarget.Ensure(options.Target);
        if (options.Duration is null && options.Journeys is null)
        {
            throw new ArgumentException("A run needs a duration or a number of journeys.", nameof(options));
        }

        using var allocator = new MemberAllocator(options.Members ?? new DevelopmentMemberSource(options.DirectorySize), options.Start);
        var startedAt = DateTimeOffset.UtcNow;
        var metrics = new RunMetrics(options.EffectiveMaxTime, options.RecordAcknowledgements);

        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(options.EffectiveMaxTime);
        using var http = CreateHttpClient(options);
        var client = new GatewayClient(new EnrolmentApi(http), metrics, options);
        var runner = new JourneyRunner(client, new DevOutbox(client, options), metrics, options, allocator);

        using var progress = StartProgress(options, metrics, runner);
        // Measured from here: the directory survey and the set-up above are not the load's cost.
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        try
        {
            await (options.Rate is { } rate
                ? runner.RunOpenAsync(rate, hardStop.Token)
                : runner.RunClosedAsync(hardStop.Token));
        }
        catch (OperationCanceledException) when (hardStop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The hard time limit: journeys still running were counted as abandoned.
        }

        var elapsed = metrics.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        options.OnProgress?.Invoke(runner.Snapshot());
        return Report(options, metrics, allocator, runner, startedAt, elapsed, hardStop.IsCancellationRequested) with
        {
            ProcessCpuMs = Math.Round(cpu.TotalMilliseconds, 1),
        };
    }

    private static HttpClient CreateHttpClient(LoadOptions options)
    {
        var connections = options.MaxConnections ?? Math.Max(options.Users, Math.Min(options.MaxInFlight, 1_024));
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        return new HttpClient(handler) { BaseAddress = options.Target, Timeout = options.RequestTimeout };
    }

    private static Timer? StartProgress(LoadOptions options, RunMetrics metrics, JourneyRunner runner) =>
        options.OnProgress is { } onProgress
            ? new Timer(_ => onProgress(runner.Snapshot()), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500))
            : null;

    private static LoadReport Report(LoadOptions options, RunMetrics metrics, MemberAllocator allocator,
        JourneyRunner runner, DateTimeOffset startedAt, TimeSpan elapsed, bool maxTimeReached)
    {
        // Rates are read from the end of the ramp-up to when the load stopped starting journeys;
        // a run too short for that window is measured whole.
        var from = options.RampUp;
        var to = runner.LoadEndedAt ?? elapsed;
        if (to - from < TimeSpan.FromSeconds(2))
        {
            (from, to) = (TimeSpan.Zero, elapsed);
        }

        var window = Math.Max((to - from).TotalSeconds, 0.001);
        var whole = (from, to) == (TimeSpan.Zero, elapsed);
        return new LoadReport
        {
            Target = options.Target.ToString(),
            Model = options.Rate is null ? "closed" : "open",
            Users = options.Rate is null ? options.Users : null,
            Rate = options.Rate,
            Mix = options.Mix.ToString(),
            StartedAt = startedAt,
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
            RampUpSeconds = options.RampUp.TotalSeconds,
            MaxTimeReached = maxTimeReached,
            Directory = new DirectoryRange(options.Start, allocator.NextStart),
            Journeys = new JourneyFigures(metrics.Started, metrics.Completed, metrics.Failed, metrics.Abandoned,
                metrics.Dropped, metrics.Scenarios),
            Throughput = new Throughput(
                Math.Round(window, 3),
                Math.Round(whole ? metrics.Completed / window : metrics.Completions.RateBetween(from, to), 2),
                Math.Round(whole ? metrics.PersistedStepCount / window : metrics.PersistedSteps.RateBetween(from, to), 2),
                Math.Round(metrics.Requests / elapsed.TotalSeconds, 2),
                metrics.PersistedStepCount,
                metrics.Requests),
            Steps = metrics.Latencies,
            Errors = new ErrorFigures(metrics.UnexpectedAnswers, metrics.Errors, metrics.ErrorsByStep, metrics.Recovered),
            Acknowledgements = metrics.Acknowledgements,
        };
    }
}
