using System.Net;
using System.Text.RegularExpressions;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Reliability;
using Enrolment.LoadTest.Members;

namespace Enrolment.Integration.Tests.Operations;

/// <summary>
/// One whole journey (a wrong code, the right one, a password, a sign-in) through a silo and a gateway run as
/// processes, each exporting OTLP to a receiver of the test's. Each /metrics shows what moved, and neither the
/// scraped metrics nor the exported spans and metrics hold the member's number, phone, e-mail, code or journey id.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private const string Phone = "0639983708";
    private readonly OtlpReceiver _otlp = new();
    private readonly MemberOverHttp _paul = new(new DirectoryMember(0, "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1), Phone, true, ""));

    [Fact]
    public async Task After_one_journey_metrics_moved_and_no_metric_or_span_names_the_member()
    {
        await using var stack = await RunningStack.StartAsync(new StackShape { Members = 100, Settings = _otlp.Settings });
        using var http = new HttpClient { BaseAddress = stack.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var code = await OneJourneyAsync(http);

        var silo = await ScrapeUntilAsync(stack.SiloManagement(0), "accounts_sign_ins_total");
        Assert.Contains("enrolment_journeys_started_total{otel_scope_name=\"Enrolment\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("enrolment_codes_sent_total{otel_scope_name=\"Enrolment\",channel=\"sms\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("enrolment_checks_failed_total{otel_scope_name=\"Enrolment\",kind=\"code\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("enrolment_journeys_completed_total{otel_scope_name=\"Enrolment\",channel=\"sms\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("delivery_attempts_total{otel_scope_name=\"Enrolment\",channel=\"sms\",outcome=\"sent\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("accounts_sign_ins_total{otel_scope_name=\"Enrolment\",outcome=\"signed-in\"} 1", silo, StringComparison.Ordinal);
        Assert.Contains("passwords_hash_queue{otel_scope_name=\"Enrolment\"} 0", silo, StringComparison.Ordinal);
        Assert.Contains("passwords_hash_duration_seconds_count{otel_scope_name=\"Enrolment\"} 2", silo, StringComparison.Ordinal);
        Assert.Matches(new Regex("^orleans_", RegexOptions.Multiline), silo);
        Assert.Matches(new Regex("^db_client_", RegexOptions.Multiline), silo);
        using (var dashboard = new HttpClient { BaseAddress = stack.SiloManagement(0) })
        {
            // Development, on loopback: the dashboard is open without a credential.
            using var page = await dashboard.GetAsync(new Uri("/dashboard/", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var gateway = await ScrapeUntilAsync(stack.GatewayManagement(0), "http_server_request_duration_seconds");
        Assert.Contains("http_route=\"/api/enrolments/{enrolmentId}/code\"", gateway, StringComparison.Ordinal);
        Assert.Matches(new Regex("^orleans_", RegexOptions.Multiline), gateway);

        var spans = await Eventually.Until(
            () => string.Join('\n', _otlp.Traces),
            text => text.Contains("/api/enrolments/{enrolmentId}/password", StringComparison.Ordinal) && text.Contains("CreatePassword", StringComparison.Ordinal),
            "the gateway's and the silo's spans of the password step, exported",
            TimeSpan.FromSeconds(30));
        Assert.Contains("IEnrolmentGrain", spans, StringComparison.Ordinal);
        var leaks = PersonalData(code).Where(leak => leak.IsMatch(silo) || leak.IsMatch(gateway) || _otlp.Everything.Any(leak.IsMatch)).ToList();
        Assert.True(leaks.Count == 0, $"Telemetry names the member: {string.Join(", ", leaks)}");
    }

    public void Dispose() => _otlp.Dispose();

    private async Task<string> OneJourneyAsync(HttpClient http)
    {
        await _paul.ReachEnterCodeAsync(_ => http);
        var code = (await Eventually.Until(() => _paul.SmsCodesAsync(http), codes => codes.Count > 0, "the code's SMS", TimeSpan.FromSeconds(30)))[0];
        var wrong = code == "000000" ? "000001" : "000000";
        MemberOverHttp.ExpectStatus(await _paul.SubmitCodeAsync(http, wrong), HttpStatusCode.UnprocessableEntity);
        MemberOverHttp.ExpectStep(await _paul.SubmitCodeAsync(http, code), "create-password");
        MemberOverHttp.ExpectStep(await _paul.CreatePasswordAsync(http), "completed");
        MemberOverHttp.ExpectStatus(await _paul.SignInAsync(http, MemberOverHttp.Password), HttpStatusCode.OK);
        return code;
    }

    /// <summary>The member's data in the spellings telemetry could carry; the code only as a whole token.</summary>
    private List<Regex> PersonalData(string code) =>
    [
        .. new[] { _paul.Member.MemberNumber, "12345678.90", Phone[1..], _paul.Email, _paul.EnrolmentId!, MemberOverHttp.Password }
            .Select(text => new Regex(Regex.Escape(text), RegexOptions.IgnoreCase)),
        new Regex($"(?<![0-9A-Za-z.]){code}(?![0-9A-Za-z])"),
    ];

    private static async Task<string> ScrapeUntilAsync(Uri management, string metric)
    {
        using var scraper = new HttpClient { BaseAddress = management, Timeout = TimeSpan.FromSeconds(10) };
        return await Eventually.Until(
            () => scraper.GetStringAsync(new Uri("/metrics", UriKind.Relative)),
            text => text.Contains(metric, StringComparison.Ordinal),
            $"{metric} at {management}metrics",
            TimeSpan.FromSeconds(30),
            TimeSpan.FromMilliseconds(500));
    }
}
