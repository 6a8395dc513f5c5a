using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Reliability;
using Xunit.Abstractions;

namespace Enrolment.Integration.Tests.MultiHost;

/// <summary>
/// Issue 10: the cluster across machines. Four hosts made of network namespaces on a private /24 — PostgreSQL on
/// <c>db</c>, one silo on each of <c>silo-a</c> and <c>silo-b</c>, the gateway on <c>gw</c> — and the test speaking
/// to the gateway from inside <c>gw</c>. The silo holding a member's journey is SIGKILLed at the code step; the
/// member finishes through the other one with the code already sent, and the dead silo is marked so.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SilosOnSeveralHostsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Members = 1_000;
    private const int SiloPort = 11111;
    private const int HttpPort = 5080;
    private const string ClusterId = "multi-host";
    private static readonly string[] Silos = ["silo-a", "silo-b"];
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Dictionary<string, BuiltProgram> _programs = [];
    private PrivateNetwork? _network;
    private PostgresOnHost? _database;

    private PrivateNetwork Network => _network!;

    [Fact]
    public async Task A_journey_finishes_on_the_other_silo_host_after_the_one_holding_it_is_killed()
    {
        await HostCommand.RunAsync("curl", "--version"); // the test's HTTP client inside gw: missing, it says so at once
        _network = await PrivateNetwork.CreateAsync(["db", .. Silos, "gw"]);
        _database = await PostgresOnHost.StartAsync(Network, "db");
        var membership = new MembershipTable(_database.LocalConnectionString, ClusterId);
        await SeedAsync();
        // silo-a is told its address; silo-b listens everywhere and advertises the one its host has.
        StartSilo("silo-a", listen: Network.Address("silo-a"));
        StartSilo("silo-b", listen: "0.0.0.0");
        Start("gw", "Gateway", new() { ["Urls"] = $"http://{Network.Address("gw")}:{HttpPort}" });
        using var gateway = new HttpClient(new CurlInNamespace(Network.Namespace("gw")))
        {
            BaseAddress = new Uri($"http://{Network.Address("gw")}:{HttpPort}"),
            Timeout = TimeSpan.FromSeconds(60),
        };
        await WaitUntilReadyAsync(gateway, membership);
        Assert.Equal(
            [.. Silos.Select(silo => new MembershipRow(Network.Address(silo), SiloPort, MembershipTable.Active))],
            (await membership.RowsAsync()).OrderBy(row => row.Address, StringComparer.Ordinal));

        var member = MemberOverHttp.WithOwnMobile(Members, 1)[0];
        var journey = Stopwatch.StartNew();
        await member.ReachEnterCodeAsync(_ => gateway);
        var codes = await member.SmsCodesAsync(gateway);
        var startToCode = journey.Elapsed;
        Assert.NotEmpty(codes);

        var holder = SiloThatLogged("code-issued");
        var survivor = Silos.Single(silo => silo != holder);
        var sinceKill = Stopwatch.StartNew();
        _programs[holder].Kill();
        var markedDead = membership.WaitForStatusAsync(Network.Address(holder), MembershipTable.Dead, TimeSpan.FromMinutes(3));

        var current = await Replayed.UntilAnsweredAsync(() => member.GetAsync(gateway));
        Assert.Equal("enter-code", MemberOverHttp.ExpectStatus(current, HttpStatusCode.OK).Step);
        MemberOverHttp.ExpectStep(
            await Replayed.UntilAnsweredAsync(() => member.SubmitCodeAsync(gateway, codes[0])), "create-password");
        MemberOverHttp.ExpectStep(
            await Replayed.UntilAnsweredAsync(() => member.CreatePasswordAsync(gateway)),
            "completed");
        var killToFinish = sinceKill.Elapsed;
        Assert.Equal(survivor, SiloThatLogged("code-accepted"));

        var untilDead = await markedDead;
        Assert.Contains(new MembershipRow(Network.Address(survivor), SiloPort, MembershipTable.Active), await membership.RowsAsync());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"multi-host timings: journey start to code sent {startToCode.TotalSeconds:F1} s; kill to journey completed {killToFinish.TotalSeconds:F1} s; kill to silo marked dead {untilDead.TotalSeconds:F1} s"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Everything the test made goes, whatever happened: programs, then the database, then the namespaces.</summary>
    public async Task DisposeAsync()
    {
        foreach (var program in _programs.Values)
        {
            program.Dispose();
        }

        try
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
        finally
        {
            if (_network is not null)
            {
                await _network.DisposeAsync();
            }
        }
    }

    private async Task SeedAsync()
    {
        using var seed = BuiltProgram.StartIn(Network.Namespace("silo-a"), "Silo", Environment(), onLine: null,
            "seed", "--members", Members.ToString(CultureInfo.InvariantCulture));
        var exitCode = await seed.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"Seeding the directory from silo-a failed ({exitCode}):\n{seed.LastLines}");
    }

    private void StartSilo(string host, string listen) => Start(host, "Silo", new()
    {
        ["Orleans__ListenAddress"] = listen,
        ["Orleans__SiloPort"] = SiloPort.ToString(CultureInfo.InvariantCulture),
    });

    private void Start(string host, string project, Dictionary<string, string> settings)
    {
        var environment = Environment();
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        _programs[host] = BuiltProgram.StartIn(Network.Namespace(host), project, environment, line => _lines.Enqueue($"{host}: {line}"));
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["ConnectionStrings__Enrolment"] = _database!.ConnectionString,
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__ServiceId"] = ClusterId,
        [JourneyEventLines.Setting] = "Debug",
    };

    /// <summary>Ready: the gateway answers 200 on /health/ready and both silos are active, so that one is left after the kill.</summary>
    private async Task WaitUntilReadyAsync(HttpClient gateway, MembershipTable membership)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.True(
            async () =>
            {
                if (_programs.FirstOrDefault(p => p.Value.HasExited) is { Value: not null } exited)
                {
                    throw new InvalidOperationException($"{exited.Key} stopped while starting ({exited.Value.ExitCode}):\n{exited.Value.LastLines}");
                }

                return await IsReadyAsync(gateway) && (await membership.RowsAsync()).Count(row => row.Status == MembershipTable.Active) == Silos.Length;
            },
            () => $"the gateway ready and every silo active:\n{string.Join('\n', _lines.TakeLast(60))}",
            TimeSpan.FromMinutes(3),
            TimeSpan.FromSeconds(1));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"multi-host: ready after {clock.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task<bool> IsReadyAsync(HttpClient gateway)
    {
        try
        {
            using var ready = await gateway.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return ready.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false; // Not listening yet.
        }
    }

    /// <summary>Which silo host logged this journey event; the test runs one journey, so the last such line is its own.</summary>
    private string SiloThatLogged(string journeyEvent)
    {
        var line = _lines.LastOrDefault(l => Silos.Any(s => l.StartsWith($"{s}: ", StringComparison.Ordinal)) && l.Contains($"Enrolment {journeyEvent}", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No silo logged {journeyEvent}:\n{string.Join('\n', _lines.TakeLast(50))}");
        return line[..line.IndexOf(':', StringComparison.Ordinal)];
    }
}
