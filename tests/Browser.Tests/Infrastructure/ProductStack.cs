using System.Net;
using System.Net.Sockets;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// The product as a member meets it: its own PostgreSQL database, the silo's seeding command, one silo and one
/// gateway run from their build outputs in the Development environment (development SMS and letter senders, dev
/// outbox), on free ports with a cluster id of their own. <see cref="SiloSettings"/> lets a subclass change rules.
/// </summary>
public class ProductStack : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly List<ServerProcess> _servers = [];
    private TestDatabase? _database;

    public Uri BaseAddress { get; private set; } = null!;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The stack is not started.");

    /// <summary>An HTTP client on the gateway, for what a test prepares or reads without a browser.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Rules of the silo for this stack (configuration keys as environment variables).</summary>
    protected virtual IReadOnlyDictionary<string, string> SiloSettings => new Dictionary<string, string>
    {
        // Resending a code is allowed after a second, so that a test does not wait 30 s for "Renvoyer un code".
        ["Enrolment__CodeSpacing"] = "00:00:01",
    };

    /// <summary>Settings of the gateway for this stack, once its address is known (environment variables).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> GatewaySettingsAsync(Uri baseAddress) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("browser");
        var clusterId = $"browser-{Guid.NewGuid():N}"[..24];
        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrolment"] = _database.ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = "enrolment-browser-tests",
        };

        var silo = BuildOutput("Silo", "Enrolment.Silo.dll");
        var seeding = ServerProcess.Start("seed", silo.Dll, silo.Directory, common, "seed", "--members", "200");
        await seeding.WaitForSuccessAsync(StartTimeout);
        await seeding.DisposeAsync();

        var gatewayPort = FreePort();
        var siloEnvironment = new Dictionary<string, string>(common)
        {
            ["Orleans__SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = gatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Its /metrics and dashboard on a port of its own, not the default one a ./run.sh may hold.
            ["Management__Urls"] = $"http://127.0.0.1:{FreePort()}",
        };
        foreach (var (key, value) in SiloSettings)
        {
            siloEnvironment[key] = value;
        }

        _servers.Add(ServerProcess.Start("silo", silo.Dll, silo.Directory, siloEnvironment));

        var httpPort = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        var gateway = BuildOutput("Gateway", "Enrolment.Gateway.dll");
        var gatewayEnvironment = new Dictionary<string, string>(common)
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            // Every test comes from 127.0.0.1: the per-address limits would otherwise stop the suite, not a member.
            ["RateLimits__IdentitySearchPerMinute"] = "10000",
            ["RateLimits__CodeResendPerMinute"] = "10000",
            ["RateLimits__SignInPerMinute"] = "10000",
            ["RateLimits__PasswordResetPerMinute"] = "10000",
        };
        foreach (var (key, value) in await GatewaySettingsAsync(BaseAddress))
        {
            gatewayEnvironment[key] = value;
        }

        // The gateway serves its pages from the source folder, so the pages under test are the ones in the tree.
        _servers.Add(ServerProcess.Start("gateway", gateway.Dll, RepositoryRoot.Path("Gateway"), gatewayEnvironment,
            "--contentRoot", RepositoryRoot.Path("Gateway")));

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilReadyAsync();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var cancel = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (_servers.FirstOrDefault(server => server.HasExited) is { } stopped)
            {
                throw new InvalidOperationException($"The {stopped.Name} stopped while starting:\n{stopped.Output()}");
            }

            try
            {
                using var ready = await Http.GetAsync(new Uri("health/ready", UriKind.Relative), cancel.Token);
                if (ready.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The product did not get ready in {StartTimeout.TotalSeconds} s.\n" +
                    string.Join("\n", _servers.Select(server => $"--- {server.Name}\n{server.Output()}")));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancel.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static (string Dll, string Directory) BuildOutput(string project, string dll)
    {
        // The test assembly's own output folder says which configuration was built (bin/Debug/net10.0 or bin/Release/...).
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var directory = RepositoryRoot.Path(project, "bin", configuration, framework);
        var path = System.IO.Path.Combine(directory, dll);
        return File.Exists(path)
            ? (path, directory)
            : throw new FileNotFoundException($"{path} is missing: build the solution (or tests/Browser.Tests) first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public virtual async Task DisposeAsync()
    {
        Http?.Dispose();
        // The gateway first, then the silo, then the database they used.
        foreach (var server in Enumerable.Reverse(_servers))
        {
            await server.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
