using Enrolment.Integration.Tests.LoadTest;
using Npgsql;

namespace Enrolment.Integration.Tests.MultiHost;

/// <summary>
/// A throwaway PostgreSQL on one host of a <see cref="PrivateNetwork"/> (namespaced-postgres.sh, over
/// scripts/postgres.sh): the other hosts reach it on that host's address; the test itself reads it through the
/// cluster's Unix socket, which is a file and needs no network. Stopped and removed when disposed.
/// </summary>
public sealed class PostgresOnHost : IAsyncDisposable
{
    private const int Port = 5432;
    private readonly string _namespace;
    private readonly string _home;
    private readonly string _password;

    private PostgresOnHost(string networkNamespace, string address, string home, string password)
    {
        _namespace = networkNamespace;
        _home = home;
        _password = password;
        ConnectionString = Build(address, password);
    }

    private static string Script => Path.Combine(BuiltProgram.RepositoryRoot, "tests", "Integration.Tests", "MultiHost", "namespaced-postgres.sh");

    /// <summary>For the programs on the other hosts: over the private subnet, by password.</summary>
    public string ConnectionString { get; }

    /// <summary>For the test on the machine itself: the Unix socket in the cluster's folder.</summary>
    public string LocalConnectionString => Build(_home, _password);

    public static async Task<PostgresOnHost> StartAsync(PrivateNetwork network, string host)
    {
        var output = await HostCommand.RunAsync(
            "ip", "netns", "exec", network.Namespace(host), "bash", Script, "start", network.Address(host), network.Subnet);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines is [.., var home, var password]
            ? new PostgresOnHost(network.Namespace(host), network.Address(host), home, password)
            : throw new InvalidOperationException($"namespaced-postgres.sh printed no home and password:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await HostCommand.RunAsync("ip", "netns", "exec", _namespace, "bash", Script, "stop", _home);
    }

    private static string Build(string host, string password) => new NpgsqlConnectionStringBuilder
    {
        Host = host,
        Port = Port,
        Username = "enrolment",
        Password = password,
        Database = "enrolment",
        MaxPoolSize = 50,
    }.ConnectionString;
}
