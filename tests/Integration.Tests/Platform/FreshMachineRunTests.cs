using System.Diagnostics;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Reliability;
using Xunit.Abstractions;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// The README's first command on a machine that never saw the product: a clean clone of HEAD, no <c>.data/</c>, and a
/// PostgreSQL service user that does not exist yet. <c>./run.sh</c> must get ready, then stop everything on Ctrl-C.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class FreshMachineRunTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_sh_from_a_clean_clone_gets_ready_and_stops_everything_on_ctrl_c()
    {
        await using var machine = await FreshCheckout.CloneAsync(BuiltProgram.RepositoryRoot);
        Assert.False(await FreshCheckout.UserExistsAsync(machine.ServiceUser), $"{machine.ServiceUser} exists before the run");
        Assert.False(Directory.Exists(Path.Combine(machine.Folder, ".data")), "a clean clone has no .data/");

        var clock = Stopwatch.StartNew();
        using var run = machine.StartRunSh();
        await WaitUntilReadyAsync(machine, run);
        output.WriteLine($"ready after {clock.Elapsed.TotalSeconds:F0} s (first build included)");

        Assert.True(await FreshCheckout.UserExistsAsync(machine.ServiceUser) || !FreshCheckout.RunningAsRoot,
            "as root, ./run.sh creates the service user");
        var stopping = Stopwatch.StartNew();
        FreshCheckout.PressCtrlC(run);
        Assert.True(run.WaitForExit(StopLimit), $"./run.sh still running {StopLimit.TotalSeconds} s after Ctrl-C:\n{machine.Output}");
        // Exited is not yet read to the end: its last lines may still be in the pipe.
        using (var drained = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await run.WaitForExitAsync(drained.Token);
        }

        output.WriteLine($"stopped after {stopping.Elapsed.TotalSeconds:F1} s; what it printed:\n{machine.Output}");

        Assert.Empty(await machine.ProcessesLeftAsync());
        foreach (var port in machine.Ports)
        {
            Assert.True(FreshCheckout.PortIsFree(port), $"port {port} still in use after Ctrl-C");
        }

        Assert.Contains("PostgreSQL stopped", machine.Output);
    }

    private static async Task WaitUntilReadyAsync(FreshCheckout machine, Process run)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.True(
            async () =>
            {
                if (run.HasExited)
                {
                    Assert.Fail($"./run.sh exited ({run.ExitCode}) before it was ready:\n{machine.Output}");
                }

                return await AnswersReadyAsync(http, machine);
            },
            () => $"GET /health/ready answering 200:\n{machine.Output}",
            ReadyLimit,
            TimeSpan.FromSeconds(1));
    }

    private static async Task<bool> AnswersReadyAsync(HttpClient http, FreshCheckout machine)
    {
        try
        {
            using var ready = await http.GetAsync(new Uri(machine.Gateway, "/health/ready"));
            return ready.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet: the first build is still going.
        }
        catch (TaskCanceledException)
        {
            return false; // Listening but not answering yet.
        }
    }
}
