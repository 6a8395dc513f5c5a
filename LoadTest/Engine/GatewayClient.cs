using System.Diagnostics;
using System.Text.Json;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>
/// Sends a journey's requests through the API's typed client, times each under its step name, and replays a step
/// whose answer was lost. The journey names the step, not the route: the letter's member-number step (which also
/// hashes) is timed apart from the SMS one although both post to the same route. A <c>503 busy</c> (the hashing
/// queue is full) is waited out and sent again, whatever the retry setting: it is back-pressure, not a failure.
/// </summary>
internal sealed class GatewayClient(EnrolmentApi api, RunMetrics metrics, LoadOptions options)
{
    private const string Busy = "busy";

    public async Task<StepAnswer<T>> SendAsync<T>(
        string step, Func<EnrolmentApi, CancellationToken, Task<ApiAnswer<T>>> call, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (true)
        {
            var answer = await SendOnceAsync(step, call, cancellationToken);
            if (answer.Answer?.Problem is { Code: Busy } busy)
            {
                // The silo's hashing queue is full: the gateway asks to come back later, as a member's browser would.
                metrics.RecordRecovered(step, Busy);
                await Task.Delay(TimeSpan.FromSeconds(busy.RetryAfterSeconds ?? 1), cancellationToken);
                continue;
            }

            if (!answer.IsLost || attempt++ >= options.StepRetries)
            {
                return answer;
            }

            metrics.RecordRecovered(step, answer.ErrorName);
            await Task.Delay(options.RetryDelay, cancellationToken);
        }
    }

    private async Task<StepAnswer<T>> SendOnceAsync<T>(
        string step, Func<EnrolmentApi, CancellationToken, Task<ApiAnswer<T>>> call, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await call(api, cancellationToken);
            metrics.RecordLatency(step, Stopwatch.GetElapsedTime(started));
            return new StepAnswer<T>(answer, null);
        }
        catch (JsonException)
        {
            metrics.RecordLatency(step, Stopwatch.GetElapsedTime(started));
            return new StepAnswer<T>(null, StepAnswer<T>.Unreadable);
        }
        catch (HttpRequestException ex)
        {
            return new StepAnswer<T>(null, $"transport-{ex.HttpRequestError}");
        }
        catch (IOException)
        {
            return new StepAnswer<T>(null, "transport-io");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new StepAnswer<T>(null, "timeout");
        }
    }
}
