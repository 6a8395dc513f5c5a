using System.Net;
using System.Text.Json;
using Enrolment.Gateway.Enrolments;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Sessions;
using Enrolment.Gateway.Support;
using Enrolment.Gateway.Tests.Accounts;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// Every silo gone: each API route, with a session cookie or without, answers a 503 problem to retry (or an answer
/// that needs no silo), never a 500, and always with the security headers. Its own cluster, since it kills it.
/// </summary>
public sealed class ClusterOutageTests : IAsyncLifetime
{
    private const string SupportKey = "outage-test-support-key";
    private readonly GatewayCluster _cluster = new();

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task With_every_silo_down_each_route_answers_503_with_and_without_a_session()
    {
        await using var gateway = _cluster.NewGateway(new Dictionary<string, string?> { ["Support:ApiKey"] = SupportKey });
        var client = gateway.Browser();
        var member = await _cluster.MemberWithPassword();
        var cookie = (await client.SignIn(member, Accounts.Accounts.Password)).SessionCookie().Cookie;
        var routes = Routes(gateway.Services, member.MemberNumber);

        // Silos only: stopping the whole test cluster would dispose the gateway's client too.
        foreach (var silo in _cluster.Cluster.GetActiveSilos().ToList())
        {
            await _cluster.Cluster.KillSiloAsync(silo);
        }

        foreach (var (method, path, body) in routes)
        {
            await AssertUnavailable(await Send(client, method, path, body, cookie), method, path);
            using var withoutSession = await Send(client, method, path, body, cookie: null);
            if (NeedsNoSilo(path))
            {
                AssertNotAFault(withoutSession, method, path);
            }
            else
            {
                await AssertUnavailable(withoutSession, method, path);
            }
        }
    }

    /// <summary>Every API route, with ids the gateway would have issued and bodies it accepts.</summary>
    private static List<(HttpMethod Method, string Path, object? Body)> Routes(IServiceProvider services, string memberNumber)
    {
        var enrolment = "/api/enrolments/" + services.GetRequiredService<OpaqueIds>().Create(memberNumber, Guid.NewGuid());
        var firstLogin = "/api/first-login/" + services.GetRequiredKeyedService<OpaqueIds>(MemberScopedIds.FirstLogin).Create(memberNumber, Guid.NewGuid());
        var reset = "/api/password-resets/" + services.GetRequiredKeyedService<OpaqueIds>(MemberScopedIds.PasswordReset).Create(memberNumber, Guid.NewGuid());
        const string password = "Hiver2026blanc";
        var identity = new { lastName = "TESTEUR", firstName = "JEANNE", birthDate = "1980-01-01", email = "jeanne@example.fr", emailConfirmation = "jeanne@example.fr" };
        return
        [
            (HttpMethod.Post, "/api/enrolments", identity),
            (HttpMethod.Get, enrolment, null),
            (HttpMethod.Post, enrolment + "/identity-confirmation", new { }),
            (HttpMethod.Post, enrolment + "/phone-confirmation", new { isMine = true }),
            (HttpMethod.Post, enrolment + "/channel", new { channel = "sms" }),
            (HttpMethod.Post, enrolment + "/phone", new { phone = "0698001122", phoneConfirmation = "0698001122", phoneMarketingOptOut = false }),
            (HttpMethod.Post, enrolment + "/member-number", new { memberNumber }),
            (HttpMethod.Post, enrolment + "/code", new { code = "123456" }),
            (HttpMethod.Post, enrolment + "/code/resend", new { }),
            (HttpMethod.Post, enrolment + "/password", new { password, passwordConfirmation = password }),
            (HttpMethod.Post, "/api/sessions", new { memberNumber, secret = password }),
            (HttpMethod.Get, firstLogin, null),
            (HttpMethod.Post, firstLogin, new { email = "jeanne@example.fr", emailConfirmation = "jeanne@example.fr", password, passwordConfirmation = password }),
            (HttpMethod.Get, "/api/me", null),
            (HttpMethod.Delete, "/api/sessions/current", null),
            (HttpMethod.Post, "/api/password-resets", new { memberNumber, birthDate = "1980-01-01" }),
            (HttpMethod.Get, reset, null),
            (HttpMethod.Post, reset + "/code", new { code = "123456" }),
            (HttpMethod.Post, reset + "/password", new { password, passwordConfirmation = password }),
            (HttpMethod.Get, $"/api/support/members/{memberNumber}/audit", null),
            (HttpMethod.Get, "/api/help/member-number", null),
        ];
    }

    // Without a session these routes answer from the gateway alone: the help text, "not signed in", a cleared cookie.
    private static bool NeedsNoSilo(string path) => path is "/api/help/member-number" or "/api/me" or "/api/sessions/current";

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body, string? cookie)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        request.Headers.Add(SupportApi.KeyHeader, SupportKey);
        return client.SendAsync(request);
    }

    private static async Task AssertUnavailable(HttpResponseMessage response, HttpMethod method, string path)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{method} {path}: {(int)response.StatusCode}");
        Assert.Equal("2", response.Headers.RetryAfter?.ToString());
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
        AssertSecurityHeaders(response);
    }

    private static void AssertNotAFault(HttpResponseMessage response, HttpMethod method, string path)
    {
        Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }
}
