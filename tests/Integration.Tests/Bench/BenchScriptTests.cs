using System.Diagnostics;
using System.Text.Json;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;
using Enrolment.Integration.Tests.Reliability;
using Xunit.Abstractions;

namespace Enrolment.Integration.Tests.Bench;

/// <summary>
/// <c>scripts/bench.sh</c>, every phase cut to three seconds: it measures all it promises, writes every figure the
/// JSON report names, and leaves nothing running (no silo, gateway or PostgreSQL, no port held).
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class BenchScriptTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    private static readonly string[] Figures =
    [
        "pgCeilingPerSecond", "hashCeilingPerSecond", "persistedStepsPerSecond", "stepsToPgCeiling", "journeysPerSecond",
        "hashesPerJourney", "journeysToHashCeiling", "pgTransactionsPerStep",
    ];

    [Fact]
    public async Task A_short_benchmark_writes_every_figure_and_stops_its_whole_stack()
    {
        var json = Path.Combine(Path.GetTempPath(), $"bench-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, printed) = await RunBenchAsync(json);
            output.WriteLine(printed);
            Assert.True(exitCode == 0, $"scripts/bench.sh exited with {exitCode}:\n{printed}");

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = report.RootElement;
            foreach (var figure in Figures)
            {
                Assert.True(root.GetProperty(figure).GetDouble() > 0, $"{figure} is not a positive number");
            }

            foreach (var process in new[] { "silo", "gateway", "postgres", "loadGenerator" })
            {
                Assert.True(root.GetProperty("cpuMsPerStep").GetProperty(process).GetDouble() > 0, $"no CPU per step for {process}");
            }

            var open = root.GetProperty("openRate");
            Assert.True(open.GetProperty("rate").GetDouble() > 0);
            Assert.True(open.GetProperty("p99Ms").GetDouble() >= open.GetProperty("p50Ms").GetDouble());
            Assert.Contains("persisted steps/s without hashing", printed);

            foreach (var pid in root.GetProperty("stack").GetProperty("pids").EnumerateArray())
            {
                // A process killed at the end may take a moment to be torn down and reaped.
                var id = pid.GetInt32();
                await Eventually.True(() => Task.FromResult(!IsRunning(id)), $"process {id} stops after the benchmark", TimeSpan.FromSeconds(10));
            }

            foreach (var port in root.GetProperty("stack").GetProperty("ports").EnumerateArray())
            {
                Assert.True(LoopbackPorts.IsFree(port.GetInt32()), $"port {port} still in use after the benchmark");
            }
        }
        finally
        {
            File.Delete(json);
        }
    }

    /// <summary>
    /// Whether the process still exists and is not a zombie: a killed process whose parent script has exited stays
    /// in /proc until this machine's init reaps it, though it holds no port and runs nothing.
    /// </summary>
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        try
        {
            // The state letter follows the parenthesised command name, which may itself hold spaces.
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunBenchAsync(string json)
    {
        var start = new ProcessStartInfo(Path.Combine(BuiltProgram.RepositoryRoot, "scripts", "bench.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ENROLMENT_BENCH_SECONDS"] = "3" },
        };
        start.ArgumentList.Add("--json");
        start.ArgumentList.Add(json);
        using var bench = Process.Start(start) ?? throw new InvalidOperationException("scripts/bench.sh did not start.");
        var printed = bench.StandardOutput.ReadToEndAsync();
        var errors = bench.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await bench.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Process.Start("kill", ["-TERM", bench.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            await bench.WaitForExitAsync();
        }

        return (bench.ExitCode, await printed + await errors);
    }
}
