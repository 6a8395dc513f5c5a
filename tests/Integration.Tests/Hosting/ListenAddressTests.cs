using System.Net;
using System.Net.Sockets;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;
using Enrolment.Integration.Tests.Reliability;
using Npgsql;

namespace Enrolment.Integration.Tests.Hosting;

/// <summary>
/// A silo process given <c>Orleans:ListenAddress</c> and <c>Orleans:AdvertisedAddress</c> binds there and nowhere
/// else, says so in the membership table, and a gateway process finds it through that table.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class ListenAddressTests
{
    private const string Address = "127.0.0.7";

    [Fact]
    public async Task A_silo_told_to_listen_on_127_0_0_7_is_reached_there_by_a_gateway()
    {
        // Ready means the gateway called a grain on that silo, found through the membership table.
        await using var stack = await RunningStack.StartAsync(new StackShape
        {
            Members = 100,
            Settings = new Dictionary<string, string>
            {
                ["Orleans__ListenAddress"] = Address,
                ["Orleans__AdvertisedAddress"] = Address,
            },
        });

        var (address, proxyPort) = await MembershipRowAsync(stack.ConnectionString, stack.ClusterId, stack.SiloPort(0));
        Assert.Equal(Address, address);
        foreach (var port in new[] { stack.SiloPort(0), proxyPort })
        {
            Assert.True(await AcceptsAsync(IPAddress.Parse(Address), port), $"Nothing listens on {Address}:{port}.");
            Assert.False(await AcceptsAsync(IPAddress.Loopback, port), $"127.0.0.1:{port} answers: the silo bound more than {Address}.");
        }
    }

    [Theory]
    [InlineData("Orleans__ListenAddress", "silo.example", "Orleans:ListenAddress")]
    [InlineData("Orleans__AdvertisedAddress", "0.0.0.0", "Orleans:AdvertisedAddress")]
    public async Task A_silo_given_an_address_it_cannot_use_stops_with_one_line_naming_the_setting(string variable, string value, string setting)
    {
        var lines = new List<string>();
        using var silo = BuiltProgram.Start("Silo", new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrolment"] = TestDatabase.ConnectionString,
            ["DOTNET_ENVIRONMENT"] = "Development",
            [variable] = value,
        }, line => { lock (lines) { lines.Add(line); } });

        var exitCode = await silo.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(lines, l => l.Contains(setting, StringComparison.Ordinal));
        Assert.StartsWith("The silo cannot start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    private static async Task<(string Address, int ProxyPort)> MembershipRowAsync(string connectionString, string clusterId, int siloPort)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT address, proxy_port FROM cluster_members WHERE cluster_id = $1 AND port = $2 AND status = 3");
        command.Parameters.Add(new NpgsqlParameter { Value = clusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = siloPort });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No active silo on port {siloPort} in the membership table.");
        return (reader.GetString(0), reader.GetInt32(1));
    }

    private static async Task<bool> AcceptsAsync(IPAddress address, int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(address, port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
