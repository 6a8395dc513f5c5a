using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>Sends a journey's requests, times each under its step name, and replays a step whose answer was lost.</summary>
internal sealed class GatewayClient(HttpClient http, RunMetrics metrics, LoadOptions options)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<StepAnswer> PostAsync(string step, string path, object body, CancellationToken cancellationToken) =>
        SendAsync(step, HttpMethod.Post, path, JsonSerializer.SerializeToUtf8Bytes(body, LoadReport.JsonOptions), cancellationToken);

    public Task<StepAnswer> GetAsync(string step, string path, CancellationToken cancellationToken) =>
        SendAsync(step, HttpMethod.Get, path, null, cancellationToken);

    private async Task<StepAnswer> SendAsync(
        string step, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await SendOnceAsync(step, method, path, body, cancellationToken);
            if (!answer.IsLost || attempt >= options.StepRetries)
            {
                return answer;
            }

            metrics.RecordRecovered(step, answer.ErrorName);
            await Task.Delay(options.RetryDelay, cancellationToken);
        }
    }

    private async Task<StepAnswer> SendOnceAsync(
        string step, HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            metrics.RecordLatency(step, Stopwatch.GetElapsedTime(started));
            var json = ParseJson(bytes);
            return new StepAnswer((int)response.StatusCode, json, ProblemCode(json), SessionCookie(response), null);
        }
        catch (HttpRequestException ex)
        {
            return StepAnswer.Transport($"transport-{ex.HttpRequestError}");
        }
        catch (IOException)
        {
            return StepAnswer.Transport("transport-io");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StepAnswer.Transport("timeout");
        }
    }

    private static JsonElement ParseJson(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? ProblemCode(JsonElement json) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? code.GetString()
            : null;

    /// <summary>The first cookie the answer set, as <c>name=value</c>: a signed-in member's session.</summary>
    private static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';', 2)[0]).FirstOrDefault()
            : null;
}
