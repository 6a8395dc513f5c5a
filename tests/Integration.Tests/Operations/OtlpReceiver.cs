using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Enrolment.Integration.Tests.Platform;

namespace Enrolment.Integration.Tests.Operations;

/// <summary>
/// A collector as small as can be: accepts OTLP over HTTP (protobuf) on a free loopback port and keeps each body.
/// Protobuf writes strings as plain UTF-8, so a body read as text shows every name and attribute value sent.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, string Text)> _bodies = new();

    public OtlpReceiver()
    {
        Endpoint = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>What the exporters sent to /v1/traces, each body as text.</summary>
    public IReadOnlyList<string> Traces => [.. _bodies.Where(b => b.Path == "/v1/traces").Select(b => b.Text)];

    /// <summary>Every body sent, traces and metrics alike.</summary>
    public IReadOnlyList<string> Everything => [.. _bodies.Select(b => b.Text)];

    /// <summary>Variables that make a silo or a gateway export here, often enough for a test.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    public void Dispose() => _listener.Close();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // Closed.
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _bodies.Enqueue((context.Request.Url!.AbsolutePath, Encoding.UTF8.GetString(body.ToArray())));
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            context.Response.Close();
        }
    }
}
