using System.Globalization;
using System.Security.Cryptography;

namespace Enrolment.Integration.Tests.MultiHost;

/// <summary>
/// Little machines made of Linux network namespaces (<c>enr-{host}-{suffix}</c>), each with its loopback up and one
/// interface on a /24 of 10.231.0.0/16 chosen at random. Their cables meet on a bridge inside a namespace of its
/// own, so that nothing is added to the test machine's network and no packet leaves these namespaces. Disposing
/// kills whatever still runs inside them and removes them, which removes their interfaces and the bridge too.
/// </summary>
public sealed class PrivateNetwork : IAsyncDisposable
{
    private const string Bridge = "br0";
    private readonly string _suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private readonly int _subnet = RandomNumberGenerator.GetInt32(0, 256);
    private readonly List<string> _created = [];
    private readonly string[] _hosts;

    private PrivateNetwork(string[] hosts) => _hosts = hosts;

    /// <summary>The subnet every host is on, as pg_hba wants it.</summary>
    public string Subnet => $"10.231.{_subnet}.0/24";

    private string Switch => $"enr-sw-{_suffix}";

    /// <summary>Builds the hosts and the bridge between them; fails (never skips) when network namespaces are not possible.</summary>
    public static async Task<PrivateNetwork> CreateAsync(params string[] hosts)
    {
        var network = new PrivateNetwork(hosts);
        try
        {
            await network.BuildAsync();
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    public string Namespace(string host) => $"enr-{host}-{_suffix}";

    /// <summary>The host's address on the private subnet: .10, .11 … in the order the hosts were given.</summary>
    public string Address(string host) =>
        $"10.231.{_subnet}.{(10 + Array.IndexOf(_hosts, host)).ToString(CultureInfo.InvariantCulture)}";

    private async Task BuildAsync()
    {
        await AddNamespaceAsync(Switch);
        await IpAsync("-n", Switch, "link", "add", Bridge, "type", "bridge");
        await IpAsync("-n", Switch, "link", "set", Bridge, "up");
        foreach (var host in _hosts)
        {
            var name = Namespace(host);
            var port = $"p-{host}";
            await AddNamespaceAsync(name);
            // Both ends are made inside the switch's namespace, then one moves to the host: the test machine never holds either.
            await IpAsync("-n", Switch, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", name);
            await IpAsync("-n", Switch, "link", "set", port, "master", Bridge, "up");
            await IpAsync("-n", name, "address", "add", $"{Address(host)}/24", "dev", "eth0");
            await IpAsync("-n", name, "link", "set", "eth0", "up");
        }
    }

    private async Task AddNamespaceAsync(string name)
    {
        try
        {
            await IpAsync("netns", "add", name);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException(
                $"This test builds its own network from Linux network namespaces and needs root with iproute2's 'ip netns' (as CI has): {exception.Message}",
                exception);
        }

        _created.Add(name);
        await IpAsync("-n", name, "link", "set", "lo", "up");
    }

    private static Task<string> IpAsync(params string[] arguments) => HostCommand.RunAsync("ip", arguments);

    public async ValueTask DisposeAsync()
    {
        var failures = new List<string>();
        foreach (var name in Enumerable.Reverse(_created))
        {
            try
            {
                await KillEverythingInAsync(name);
                await IpAsync("netns", "delete", name);
            }
            catch (InvalidOperationException exception)
            {
                failures.Add(exception.Message);
            }
        }

        _created.Clear();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"Could not remove every namespace: {string.Join("; ", failures)}");
        }
    }

    /// <summary>A process left in a namespace would keep it alive after its name is gone: none may outlive the test.</summary>
    private static async Task KillEverythingInAsync(string name)
    {
        var pids = (await IpAsync("netns", "pids", name)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var pid in pids)
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture));
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}
