using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Enrolment.Integration.Tests.Platform;

namespace Enrolment.Integration.Tests.LoadTest;

/// <summary>What to run: how many members, silos and gateways, on which database, with which extra settings.</summary>
public sealed record StackShape
{
    public int Members { get; init; } = 1_000;

    public int Silos { get; init; } = 1;

    public int Gateways { get; init; } = 1;

    /// <summary>A database to use as it is; default: a scratch database on ENROLMENT_DB, dropped at the end.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Environment variables for every silo and gateway, over the defaults (e.g. log levels).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Receives every line the programs print, prefixed by the program's name ("silo-0: …").</summary>
    public Action<string>? OnLine { get; init; }
}

/// <summary>
/// The product as an operator runs it, for the load generator and the fault tests: a database seeded with the
/// development directory, silos and gateways as processes, the gateways in Development (dev outbox) with the load
/// profile's raised per-address limits (docs/benchmarks.md). Silos and gateways can be killed (SIGKILL) and started
/// again on the same ports.
/// </summary>
public sealed class RunningStack : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(180);
    private readonly ScratchDatabase? _scratch;
    private readonly StackShape _shape;
    private readonly (int SiloPort, int GatewayPort)[] _siloPorts;
    private readonly Uri[] _siloManagement;
    private readonly Uri[] _gatewayManagement;
    private readonly BuiltProgram?[] _silos;
    private readonly BuiltProgram?[] _gateways;
    private readonly List<BuiltProgram> _ended = [];

    private RunningStack(StackShape shape, ScratchDatabase? scratch, string connectionString)
    {
        _shape = shape;
        _scratch = scratch;
        ConnectionString = connectionString;
        Members = shape.Members;
        _siloPorts = [.. Enumerable.Range(0, shape.Silos).Select(_ => (LoopbackPorts.Free(), LoopbackPorts.Free()))];
        _silos = new BuiltProgram?[shape.Silos];
        _gateways = new BuiltProgram?[shape.Gateways];
        Gateways = [.. Enumerable.Range(0, shape.Gateways).Select(_ => FreeLoopbackUrl())];
        _siloManagement = [.. Enumerable.Range(0, shape.Silos).Select(_ => FreeLoopbackUrl())];
        _gatewayManagement = [.. Enumerable.Range(0, shape.Gateways).Select(_ => FreeLoopbackUrl())];
        ClusterId = $"load-{Gateways[0].Port}";
    }

    /// <summary>Members in the directory (what the load generator's <c>DirectorySize</c> must be).</summary>
    public int Members { get; }

    public Uri Gateway => Gateways[0];

    public IReadOnlyList<Uri> Gateways { get; }

    public string ConnectionString { get; }

    /// <summary>Both the cluster id and the service id (the grain state rows carry it).</summary>
    public string ClusterId { get; }

    public static Task<RunningStack> StartAsync(int members) => StartAsync(new StackShape { Members = members });

    public static async Task<RunningStack> StartAsync(StackShape shape)
    {
        var scratch = shape.ConnectionString is null ? await TestDatabase.CreateScratchAsync() : null;
        var stack = new RunningStack(shape, scratch, shape.ConnectionString ?? scratch!.ConnectionString);
        try
        {
            await stack.SeedAsync();
            for (var i = 0; i < shape.Silos; i++)
            {
                stack.StartSilo(i);
            }

            for (var i = 0; i < shape.Gateways; i++)
            {
                stack.StartGateway(i);
            }

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
    public string Output => string.Join("\n---\n", Programs.Select(p => p.LastLines));

    /// <summary>The silo-to-silo port of silo <paramref name="index"/> (its row in the membership table).</summary>
    public int SiloPort(int index) => _siloPorts[index].SiloPort;

    /// <summary>The management listener of silo <paramref name="index"/> (/metrics, /dashboard).</summary>
    public Uri SiloManagement(int index) => _siloManagement[index];

    /// <summary>The management listener of gateway <paramref name="index"/> (/metrics).</summary>
    public Uri GatewayManagement(int index) => _gatewayManagement[index];

    /// <summary>Kills silo <paramref name="index"/> without warning (SIGKILL).</summary>
    public void KillSilo(int index) => Kill(_silos, index);

    /// <summary>Kills gateway <paramref name="index"/> without warning (SIGKILL).</summary>
    public void KillGateway(int index) => Kill(_gateways, index);

    /// <summary>Starts silo <paramref name="index"/> (again) on its own ports.</summary>
    public void StartSilo(int index)
    {
        var environment = Environment();
        environment["Orleans__SiloPort"] = _siloPorts[index].SiloPort.ToString(CultureInfo.InvariantCulture);
        environment["Orleans__GatewayPort"] = _siloPorts[index].GatewayPort.ToString(CultureInfo.InvariantCulture);
        environment["Management__Urls"] = _siloManagement[index].ToString().TrimEnd('/');
        environment.TryAdd("Delivery__Sms__MaxPerHour", "100000000");
        environment.TryAdd("Delivery__Sms__MaxPerPhone", "100000000");
        _silos[index] = Start("Silo", $"silo-{index}", environment);
    }

    /// <summary>Starts gateway <paramref name="index"/> (again) on its own address; per-address limits raised unless the shape sets them.</summary>
    public void StartGateway(int index)
    {
        var environment = Environment();
        environment["Urls"] = Gateways[index].ToString().TrimEnd('/');
        environment["Management__Urls"] = _gatewayManagement[index].ToString().TrimEnd('/');
        environment.TryAdd("RateLimits__IdentitySearchPerMinute", "1000000");
        environment.TryAdd("RateLimits__CodeResendPerMinute", "1000000");
        environment.TryAdd("RateLimits__SignInPerMinute", "1000000");
        environment.TryAdd("RateLimits__PasswordResetPerMinute", "1000000");
        _gateways[index] = Start("Gateway", $"gateway-{index}", environment);
    }

    /// <summary>Waits until every running gateway answers ready (cluster and database reachable).</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var waiting = Gateways.Where((_, i) => _gateways[i] is not null).ToList();
        await Eventually.True(
            async () =>
            {
                if (Programs.FirstOrDefault(p => p.HasExited) is { } exited)
                {
                    throw new InvalidOperationException($"A program stopped while starting ({exited.ExitCode}):\n{exited.LastLines}");
                }

                while (waiting.Count > 0 && await IsReadyAsync(http, waiting[0]))
                {
                    waiting.RemoveAt(0);
                }

                return waiting.Count == 0;
            },
            () => $"{waiting[0]} ready:\n{Output}",
            StartLimit,
            TimeSpan.FromMilliseconds(500));
    }

    private IEnumerable<BuiltProgram> Programs => _silos.Concat(_gateways).OfType<BuiltProgram>();

    private Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrolment"] = ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = ClusterId,
        };
        foreach (var (name, value) in _shape.Settings)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static Uri FreeLoopbackUrl() => new($"http://127.0.0.1:{LoopbackPorts.Free()}");

    private BuiltProgram Start(string project, string name, Dictionary<string, string> environment) =>
        BuiltProgram.Start(project, environment, _shape.OnLine is { } onLine ? line => onLine($"{name}: {line}") : null);

    private void Kill(BuiltProgram?[] programs, int index)
    {
        var program = programs[index] ?? throw new InvalidOperationException($"Program {index} is not running.");
        program.Kill();
        programs[index] = null;
        _ended.Add(program);
    }

    private async Task SeedAsync()
    {
        using var seed = BuiltProgram.Start("Silo", Environment(),
            "seed", "--members", Members.ToString(CultureInfo.InvariantCulture));
        var exitCode = await seed.WaitForExitAsync(StartLimit);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Seeding the directory failed ({exitCode}):\n{seed.LastLines}");
        }
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, Uri gateway)
    {
        try
        {
            using var ready = await http.GetAsync(new Uri(gateway, "/health/ready"));
            return ready.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
        catch (TaskCanceledException)
        {
            return false; // Not answering yet.
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Gateways first, then the silos, then the database they used.
        foreach (var program in _gateways.Concat(_silos).OfType<BuiltProgram>().Concat(_ended))
        {
            program.Dispose();
        }

        if (_scratch is not null)
        {
            await _scratch.DisposeAsync();
        }
    }
}
