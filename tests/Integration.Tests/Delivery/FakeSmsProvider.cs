using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>How the provider answers one attempt.</summary>
internal enum ProviderAnswer
{
    Accepted,
    ServerError,
    TooSlow,
}

/// <summary>What the provider received in one attempt.</summary>
internal sealed record ReceivedSms(int Attempt, string? IdempotencyKey, string? ApiKey, string? To, string? Text, string? MessageId);

/// <summary>
/// An SMS provider on 127.0.0.1 that answers each attempt as the test scripts it (500s, answers slower than
/// any attempt timeout, acceptance), checks the API key, and records every request it received.
/// </summary>
internal sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string ApiKeyHeader = "X-Provider-Key";
    public const string ApiKey = "test-provider-key";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedSms> received = new();
    private readonly Func<int, ProviderAnswer> answerTo;
    private int attempts;

    private FakeSmsProvider(Func<int, ProviderAnswer> answerTo)
    {
        this.answerTo = answerTo;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v1/sms", (Func<HttpContext, Task<IResult>>)ReceiveAsync);
    }

    public Uri Url => new(new Uri(app.Urls.Single()), "/v1/sms");

    public IReadOnlyList<ReceivedSms> Received => [.. received.OrderBy(r => r.Attempt)];

    /// <summary>Starts a provider; <paramref name="answerTo"/> maps the attempt number (from 1) to its answer.</summary>
    public static async Task<FakeSmsProvider> StartAsync(Func<int, ProviderAnswer> answerTo)
    {
        var provider = new FakeSmsProvider(answerTo);
        await provider.app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var attempt = Interlocked.Increment(ref attempts);
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        received.Enqueue(new ReceivedSms(
            attempt,
            context.Request.Headers["Idempotency-Key"],
            context.Request.Headers[ApiKeyHeader],
            Member(body, "to"),
            Member(body, "text"),
            Member(body, "messageId")));

        if (context.Request.Headers[ApiKeyHeader] != ApiKey)
        {
            return Results.Unauthorized();
        }

        switch (answerTo(attempt))
        {
            case ProviderAnswer.ServerError:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case ProviderAnswer.TooSlow:
                // Answers only after the client gave up on this attempt.
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                return Results.Accepted();
        }
    }

    private static string? Member(JsonDocument body, string name) =>
        body.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
}
