using System.Net;
using System.Net.Http.Json;
using Enrolment.Integration.Tests.LoadTest;
using Xunit.Abstractions;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// Two gateways share one count per client address: from loopback every request comes from 127.0.0.1, so ten
/// identity searches spread over both gateways use up the minute on each of them.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class LimitsAcrossGatewaysTests(ITestOutputHelper output)
{
    private const int PerMinute = 10;

    [Fact]
    public async Task The_eleventh_identity_search_in_a_minute_is_refused_whichever_gateway_it_reaches()
    {
        await using var stack = await RunningStack.StartAsync(new StackShape
        {
            Members = 100,
            Gateways = 2,
            Settings = new Dictionary<string, string> { ["RateLimits__IdentitySearchPerMinute"] = $"{PerMinute}" },
        });
        using var a = new HttpClient { BaseAddress = stack.Gateways[0], Timeout = TimeSpan.FromSeconds(60) };
        using var b = new HttpClient { BaseAddress = stack.Gateways[1], Timeout = TimeSpan.FromSeconds(60) };

        // The window is the cluster clock's minute: start with enough of it left for the whole test.
        var intoMinute = DateTime.UtcNow.Second;
        if (intoMinute > 40)
        {
            await Task.Delay(TimeSpan.FromSeconds(61 - intoMinute));
        }

        var accepted = new[] { 0, 0 };
        for (var i = 0; i < PerMinute; i++)
        {
            var response = await Search(i % 2 == 0 ? a : b);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, response.StatusCode);
            accepted[i % 2]++;
        }

        var onA = await Search(a);
        var onB = await Search(b);
        output.WriteLine($"accepted: {accepted[0]} on A, {accepted[1]} on B; try {PerMinute + 1} on A: {(int)onA.StatusCode}, on B: {(int)onB.StatusCode}, Retry-After {onA.Headers.RetryAfter?.Delta?.TotalSeconds} s");

        Assert.Equal([5, 5], accepted);
        foreach (var refused in new[] { onA, onB })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
            Assert.Contains("rate-limited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static Task<HttpResponseMessage> Search(HttpClient gateway) =>
        gateway.PostAsJsonAsync("/api/enrolments", new
        {
            lastName = "Nobody",
            firstName = "Known",
            birthDate = "1970-01-01",
            email = "nobody@example.org",
            emailConfirmation = "nobody@example.org",
            newsletter = false,
        });
}
