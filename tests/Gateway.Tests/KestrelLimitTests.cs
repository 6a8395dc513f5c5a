using System.Net;
using System.Net.Sockets;
using System.Text;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// The limits as the real server enforces them on the wire (the in-memory test server has none): a chunked body over
/// 64 KB, an oversized header block, and a client trickling its body are all cut off with a 4xx.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class KestrelLimitTests(GatewayCluster cluster) : IAsyncLifetime
{
    private GatewayFactory gateway = null!;
    private HttpClient client = null!;

    public Task InitializeAsync()
    {
        gateway = cluster.NewGateway(new Dictionary<string, string?>());
        gateway.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        gateway.StartServer();
        client = gateway.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task A_chunked_body_over_64_KB_is_a_413_problem()
    {
        var body = "{\"code\":\"" + new string('1', 70 * 1024) + "\"}";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/enrolments/x/code") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task An_oversized_header_block_is_refused_by_the_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('x', 40 * 1024));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_client_trickling_its_body_is_cut_off_with_408()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(client.BaseAddress!.Host, client.BaseAddress.Port);
        var stream = socket.GetStream();
        var head = "POST /api/enrolments/x/code HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // One space (valid leading JSON whitespace) every half second, far below the 240 B/s floor, until the server
        // answers or 30 s pass.
        var answer = new byte[512];
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reading = stream.ReadAsync(answer, giveUp.Token).AsTask();
        while (!reading.IsCompleted && !giveUp.IsCancellationRequested)
        {
            try
            {
                await stream.WriteAsync(" "u8.ToArray(), giveUp.Token);
            }
            catch (IOException)
            {
                break;
            }

            await Task.WhenAny(reading, Task.Delay(500, giveUp.Token));
        }

        var read = await reading;
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(answer, 0, read), StringComparison.Ordinal);
    }
}
