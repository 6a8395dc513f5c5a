using System.Collections.Concurrent;
using System.Net;
using Enrolment.Gateway.Tests.Accounts;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// With the gateway logging everything it can, a whole journey (new phone, a wrong code, a refused password, the
/// dev outbox read by phone), a lost password and a first login leave no phone number, e-mail, code, password or
/// journey id in any log line: request lines name the route template.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class GatewayLogTests(GatewayCluster cluster)
{
    [Fact]
    public async Task The_most_verbose_gateway_logs_hold_no_secret()
    {
        var log = new CapturedLog();
        await using var gateway = cluster.NewGateway(
            new Dictionary<string, string?>
            {
                ["RateLimits:IdentitySearchPerMinute"] = "100",
                ["RateLimits:SignInPerMinute"] = "100",
                ["RateLimits:PasswordResetPerMinute"] = "100",
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Orleans"] = "Verbose",
            },
            services: services => services.AddSingleton<ILogEventSink>(log));
        var client = gateway.CreateClient();
        var driver = new JourneyDriver(client);
        var member = cluster.Directory.NewMember(withMobile: false);
        const string email = "secret.address@example.fr";
        const string password = "Ruisseau77Vert";

        var started = await (await client.PostJson("/api/enrolments", JourneyDriver.IdentityOf(member, email))).AssertSuccess(HttpStatusCode.Created);
        var id = started.Text("enrolmentId");
        await driver.Step(id, "identity-confirmation", new { });
        await driver.Step(id, "channel", new { channel = "sms" });
        await driver.Step(id, "phone", new { phone = "06 98 00 11 22", phoneConfirmation = "0698001122", phoneMarketingOptOut = false });
        await driver.Step(id, "member-number", new { memberNumber = member.MemberNumber });
        var code = cluster.Sms.LastCodeTo("0698001122")!;
        await client.PostJson($"/api/enrolments/{id}/code", new { code = code == "000000" ? "111111" : "000000" });
        await client.GetAsync("/dev/outbox/sms?to=0698001122");
        await driver.Step(id, "code", new { code });
        await client.PostJson($"/api/enrolments/{id}/password", new { password = "short1", passwordConfirmation = "short1" });
        await driver.Step(id, "password", new { password, passwordConfirmation = password });
        var resetId = await LostPassword(client, member);
        var firstLoginId = await FirstLoginId(client);

        var lines = log.Lines.ToList();
        Assert.Contains(lines, line => line.Contains("/api/enrolments/{enrolmentId}/code", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/api/password-resets/{resetId}/code", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/api/first-login/{firstLoginId}", StringComparison.Ordinal));
        foreach (var secret in new[] { "0698001122", "06 98 00 11 22", "98001122", email, code, password, "short1", id, resetId, firstLoginId })
        {
            var leaks = lines.Where(line => line.Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"{secret} in: {string.Join(Environment.NewLine, leaks)}");
        }
    }

    [Fact]
    public async Task A_request_at_the_default_levels_is_one_log_line()
    {
        var log = new CapturedLog();
        await using var gateway = cluster.NewGateway(
            new Dictionary<string, string?> { ["RateLimits:IdentitySearchPerMinute"] = "100" },
            services: services => services.AddSingleton<ILogEventSink>(log));
        var client = gateway.CreateClient();
        var member = cluster.Directory.NewMember(withMobile: false);

        await (await client.PostJson("/api/enrolments", JourneyDriver.IdentityOf(member, "one.line@example.fr"))).AssertSuccess(HttpStatusCode.Created);

        await Eventually.True(() => Task.FromResult(log.Lines.Any(line => line.Contains("responded 201", StringComparison.Ordinal))), "request line written");
        Assert.Single(log.Lines, line => line.Contains("/api/enrolments", StringComparison.Ordinal));
    }

    private static async Task<string> LostPassword(HttpClient client, MemberRecord member)
    {
        var started = await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") });
        var resetId = (await started.AssertSuccess(HttpStatusCode.Created)).Text("resetId");
        await client.PostJson($"/api/password-resets/{resetId}/code", new { code = "000000" });
        return resetId;
    }

    private async Task<string> FirstLoginId(HttpClient client)
    {
        var member = await cluster.MemberWithProvisionalCode();
        var firstLoginId = (await (await client.SignIn(member, Accounts.Accounts.ProvisionalCode)).AssertSuccess()).Text("firstLoginId");
        await client.GetAsync($"/api/first-login/{firstLoginId}");
        return firstLoginId;
    }

    private sealed class CapturedLog : ILogEventSink
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public void Emit(LogEvent logEvent) => Lines.Enqueue(
            $"{logEvent.RenderMessage()} {string.Join(' ', logEvent.Properties.Select(p => $"{p.Key}={p.Value}"))} {logEvent.Exception}");
    }
}
