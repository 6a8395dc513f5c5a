using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Enrolment.Integration.Tests.Platform;

namespace Enrolment.Integration.Tests.LoadTest;

/// <summary>
/// The product as an operator runs it, for the load generator: a scratch database on ENROLMENT_DB seeded with the
/// development directory, one silo and one gateway as processes, the gateway in Development (dev outbox) with the
/// load profile's raised per-address limits (docs/benchmarks.md).
/// </summary>
public sealed class RunningStack : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private readonly ScratchDatabase _database;
    private readonly List<BuiltProgram> _programs = [];

    private RunningStack(ScratchDatabase database, int members, Uri gateway)
    {
        _database = database;
        Members = members;
        Gateway = gateway;
    }

    /// <summary>Members in the directory (what the load generator's <c>DirectorySize</c> must be).</summary>
    public int Members { get; }

    public Uri Gateway { get; }

    public static async Task<RunningStack> StartAsync(int members)
    {
        var database = await TestDatabase.CreateScratchAsync();
        var stack = new RunningStack(database, members, new Uri($"http://127.0.0.1:{FreePort()}"));
        try
        {
            await stack.SeedAsync();
            stack.StartSilo();
            stack.StartGateway();
            await stack.WaitUntilReadyAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the programs printed last, to explain a failure.</summary>
    public string Output => string.Join("\n---\n", _programs.Select(p => p.LastLines));

    private Dictionary<string, string> Environment(string clusterId) => new()
    {
        ["ConnectionStrings__Enrolment"] = _database.ConnectionString,
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Orleans__ClusterId"] = clusterId,
        ["Orleans__ServiceId"] = clusterId,
    };

    private string ClusterId => $"load-{Gateway.Port}";

    private async Task SeedAsync()
    {
        using var seed = BuiltProgram.Start("Silo", Environment(ClusterId),
            "seed", "--members", Members.ToString(CultureInfo.InvariantCulture));
        var exitCode = await seed.WaitForExitAsync(StartLimit);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Seeding the directory failed ({exitCode}):\n{seed.LastLines}");
        }
    }

    private void StartSilo()
    {
        var environment = Environment(ClusterId);
        environment["Orleans__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        _programs.Add(BuiltProgram.Start("Silo", environment));
    }

    private void StartGateway()
    {
        var environment = Environment(ClusterId);
        environment["Urls"] = Gateway.ToString().TrimEnd('/');
        environment["RateLimits__IdentitySearchPerMinute"] = "1000000";
        environment["RateLimits__CodeResendPerMinute"] = "1000000";
        environment["RateLimits__SignInPerMinute"] = "1000000";
        _programs.Add(BuiltProgram.Start("Gateway", environment));
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline)
        {
            if (_programs.Find(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"A program stopped while starting ({exited.ExitCode}):\n{exited.LastLines}");
            }

            try
            {
                using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        throw new TimeoutException($"The gateway was not ready within {StartLimit.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        // Gateway first, then the silo, then the database they used.
        foreach (var program in Enumerable.Reverse(_programs))
        {
            program.Dispose();
        }

        await _database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
