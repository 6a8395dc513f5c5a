using System.Net.Sockets;
using System.Text;
using Enrolment.Integration.Tests.LoadTest;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// Clients that hold a connection by sending slowly are cut off by the gateway's Kestrel limits (headers within
/// 10 s, bodies at 240 bytes/s after a 5 s grace), on a real gateway process: a crowd of them cannot pin its
/// connections forever. The bound checked here is generous (60 s): it proves the cut, not its speed.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class SlowClientTests(TwoGatewaysStack cluster) : IClassFixture<TwoGatewaysStack>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_client_that_never_finishes_its_headers_is_cut_off()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "POST /api/enrolments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");

        Assert.True(await ClosedByServerAsync(socket, trickle: null), "The gateway kept a connection whose headers never ended.");
    }

    [Fact]
    public async Task A_client_that_trickles_its_body_is_cut_off()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, "POST /api/enrolments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 60000\r\n\r\n{");

        Assert.True(await ClosedByServerAsync(socket, trickle: "\"a\":1,"), "The gateway kept reading a body trickled at a few bytes a second.");
    }

    private async Task<Socket> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(cluster.Stack.Gateways[0].Host, cluster.Stack.Gateways[0].Port);
        return socket;
    }

    private static async Task SendAsync(Socket socket, string text) => await socket.SendAsync(Encoding.ASCII.GetBytes(text));

    /// <summary>
    /// Waits for the server to end the connection (an answer such as 408, then the close), sending a few bytes a
    /// second meanwhile when asked to; false when the bound passes first.
    /// </summary>
    private static async Task<bool> ClosedByServerAsync(Socket socket, string? trickle)
    {
        var deadline = DateTime.UtcNow + Bound;
        var buffer = new byte[4096];
        var receive = ReceiveAsync(socket, buffer);
        while (DateTime.UtcNow < deadline)
        {
            if (await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(1))) == receive)
            {
                if (await receive <= 0)
                {
                    return true; // Closed or reset by the server.
                }

                receive = ReceiveAsync(socket, buffer); // An answer (408): read on until the server closes.
                continue;
            }

            if (trickle is not null)
            {
                try
                {
                    await SendAsync(socket, trickle);
                }
                catch (SocketException)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Bytes received; 0 when the server closed the connection, -1 when it reset it.</summary>
    private static async Task<int> ReceiveAsync(Socket socket, byte[] buffer)
    {
        try
        {
            return await socket.ReceiveAsync(buffer, SocketFlags.None);
        }
        catch (SocketException)
        {
            return -1;
        }
    }
}
