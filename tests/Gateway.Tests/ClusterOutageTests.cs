using System.Net;
using System.Text.Json;
using Enrolment.Gateway.ApiDocs;
using Enrolment.Gateway.Enrolments;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Sessions;
using Enrolment.Gateway.Support;
using Enrolment.Gateway.Tests.Accounts;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.TestKit;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// Every silo gone: each mapped route (read from the gateway's own endpoints, so that a new route cannot be left
/// out), with a session cookie or without, answers a 503 problem to retry, or an answer that needs no silo, never a
/// 500, and always with the security headers. Its own cluster, since it kills it; FranceConnect on, so that its
/// routes are mapped too.
/// </summary>
public sealed class ClusterOutageTests : IAsyncLifetime
{
    private const string SupportKey = "outage-test-support-key";
    private readonly GatewayCluster _cluster = new();
    private readonly LocalFranceConnect _franceConnect = new("http://localhost");

    /// <summary>What a route answers with every silo down.</summary>
    private enum Outage
    {
        /// <summary><c>503 unavailable</c> with <c>Retry-After</c>: try again shortly.</summary>
        Unavailable,

        /// <summary>The route needed no silo for that request: any answer below 500.</summary>
        NeedsNoSilo,

        /// <summary>The readiness probe: 503, so that a load balancer stops sending traffic here.</summary>
        NotReady,
    }

    public Task InitializeAsync() => Task.WhenAll(_cluster.InitializeAsync(), _franceConnect.InitializeAsync());

    public async Task DisposeAsync()
    {
        await _franceConnect.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task With_every_silo_down_each_mapped_route_answers_503_with_and_without_a_session()
    {
        await using var gateway = _cluster.NewGateway(new Dictionary<string, string?>
        {
            ["Support:ApiKey"] = SupportKey,
            ["FranceConnect:Authority"] = _franceConnect.Issuer,
            ["FranceConnect:ClientId"] = LocalFranceConnect.ClientId,
            ["FranceConnect:ClientSecret"] = LocalFranceConnect.ClientSecret,
        });
        var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var member = await _cluster.MemberWithPassword();
        var cookie = (await client.SignIn(member, Accounts.Accounts.Password)).SessionCookie().Cookie;
        var routes = MappedRoutes(gateway.Services);
        var cases = Cases(gateway.Services, member.MemberNumber);
        Assert.Empty(routes.Where(route => !cases.ContainsKey(route)).Select(route => $"{route} has no case below: add one"));

        // Silos only: stopping the whole test cluster would dispose the gateway's client too.
        foreach (var silo in _cluster.Cluster.GetActiveSilos().ToList())
        {
            await _cluster.Cluster.KillSiloAsync(silo);
        }

        foreach (var route in routes)
        {
            var (path, body, withSession, withoutSession) = cases[route];
            var method = new HttpMethod(route.Split(' ')[0]);
            using var signedIn = await Send(client, method, path, body, cookie);
            await AssertAnswers(withSession, signedIn, route + " with a session");
            using var anonymous = await Send(client, method, path, body, cookie: null);
            await AssertAnswers(withoutSession, anonymous, route + " without a session");
        }
    }

    /// <summary>Every route the gateway maps, as <c>METHOD template</c>.</summary>
    private static List<string> MappedRoutes(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} /{endpoint.RoutePattern.RawText!.Trim('/')}"))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Each route's request, with ids the gateway would have issued and a body it accepts (so that the request
    /// reaches the cluster), and what it answers with and without a session. Under <c>/api</c> a session cookie is
    /// checked against the account grain first, so with one every API route needs the cluster.
    /// </summary>
    private static Dictionary<string, (string Path, object? Body, Outage WithSession, Outage WithoutSession)> Cases(
        IServiceProvider services, string memberNumber)
    {
        var enrolment = "/api/enrolments/" + services.GetRequiredService<OpaqueIds>().Create(memberNumber, Guid.NewGuid());
        var firstLogin = "/api/first-login/" + services.GetRequiredKeyedService<OpaqueIds>(MemberScopedIds.FirstLogin).Create(memberNumber, Guid.NewGuid());
        var reset = "/api/password-resets/" + services.GetRequiredKeyedService<OpaqueIds>(MemberScopedIds.PasswordReset).Create(memberNumber, Guid.NewGuid());
        const string password = "Hiver2026blanc";
        const string email = "jeanne@example.fr";
        var identity = new { lastName = "TESTEUR", firstName = "JEANNE", birthDate = "1980-01-01", email, emailConfirmation = email };
        const Outage down = Outage.Unavailable;
        const Outage alone = Outage.NeedsNoSilo;
        return new()
        {
            ["POST /api/enrolments"] = ("/api/enrolments", identity, down, down),
            ["GET /api/enrolments/{enrolmentId}"] = (enrolment, null, down, down),
            ["POST /api/enrolments/{enrolmentId}/identity-confirmation"] = (enrolment + "/identity-confirmation", new { }, down, down),
            ["POST /api/enrolments/{enrolmentId}/phone-confirmation"] = (enrolment + "/phone-confirmation", new { isMine = true }, down, down),
            ["POST /api/enrolments/{enrolmentId}/channel"] = (enrolment + "/channel", new { channel = "sms" }, down, down),
            ["POST /api/enrolments/{enrolmentId}/phone"] = (enrolment + "/phone", new { phone = "0698001122", phoneConfirmation = "0698001122", phoneMarketingOptOut = false }, down, down),
            ["POST /api/enrolments/{enrolmentId}/member-number"] = (enrolment + "/member-number", new { memberNumber }, down, down),
            ["POST /api/enrolments/{enrolmentId}/code"] = (enrolment + "/code", new { code = "123456" }, down, down),
            ["POST /api/enrolments/{enrolmentId}/code/resend"] = (enrolment + "/code/resend", new { }, down, down),
            ["POST /api/enrolments/{enrolmentId}/password"] = (enrolment + "/password", new { password, passwordConfirmation = password }, down, down),
            ["POST /api/sessions"] = ("/api/sessions", new { memberNumber, secret = password }, down, down),
            ["GET /api/first-login/{firstLoginId}"] = (firstLogin, null, down, down),
            ["POST /api/first-login/{firstLoginId}"] = (firstLogin, new { email, emailConfirmation = email, password, passwordConfirmation = password }, down, down),
            ["GET /api/me"] = ("/api/me", null, down, alone),
            ["DELETE /api/sessions/current"] = ("/api/sessions/current", null, down, alone),
            ["POST /api/password-resets"] = ("/api/password-resets", new { memberNumber, birthDate = "1980-01-01" }, down, down),
            ["GET /api/password-resets/{resetId}"] = (reset, null, down, down),
            ["POST /api/password-resets/{resetId}/code"] = (reset + "/code", new { code = "123456" }, down, down),
            ["POST /api/password-resets/{resetId}/password"] = (reset + "/password", new { password, passwordConfirmation = password }, down, down),
            ["GET /api/support/members/{memberNumber}/audit"] = ($"/api/support/members/{memberNumber}/audit", null, down, down),
            ["GET /api/help/member-number"] = ("/api/help/member-number", null, down, alone),
            ["GET /api/franceconnect"] = ("/api/franceconnect", null, down, alone),
            ["POST /api/franceconnect/link"] = ("/api/franceconnect/link", new { memberNumber }, down, down),
            ["DELETE /api/franceconnect/link"] = ("/api/franceconnect/link", null, down, alone),
            ["GET /api/franceconnect/enrolment"] = ("/api/franceconnect/enrolment", null, down, alone),
            ["POST /api/franceconnect/enrolment/session"] = ("/api/franceconnect/enrolment/session", new { }, down, down),
            ["POST /api/me/password"] = ("/api/me/password", new { password, passwordConfirmation = password }, down, down),

            // Browser routes, which redirect: sign-in's limit per address lives in the cluster; signing out needs it
            // only for a session to end.
            ["GET /franceconnect/login"] = ("/franceconnect/login", null, down, down),
            ["GET /franceconnect/callback"] = ("/franceconnect/callback?code=x&state=y", null, down, down),
            ["GET /franceconnect/logout"] = ("/franceconnect/logout", null, down, alone),
            ["GET /franceconnect/logged-out"] = ("/franceconnect/logged-out", null, down, alone),
            ["GET /dev/outbox/sms"] = ("/dev/outbox/sms?to=0698001122", null, down, down),
            ["GET /dev/outbox/letters"] = ($"/dev/outbox/letters?memberNumber={memberNumber}", null, down, down),
            ["GET /health/live"] = ("/health/live", null, alone, alone),
            ["GET /health/ready"] = ("/health/ready", null, Outage.NotReady, Outage.NotReady),
            ["GET /openapi/v1.json"] = ("/openapi/v1.json", null, alone, alone),
            ["GET /api-docs/{documentName?}"] = ("/api-docs/v1", null, alone, alone),
            ["GET /api-docs/scalar.js"] = ("/api-docs/scalar.js", null, alone, alone),
            ["GET /api-docs/scalar.aspnetcore.js"] = ("/api-docs/scalar.aspnetcore.js", null, alone, alone),
            ["GET /api-docs/favicon.svg"] = ("/api-docs/favicon.svg", null, alone, alone),
        };
    }

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

    private static async Task AssertAnswers(Outage expected, HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        Assert.True(expected == Outage.NeedsNoSilo ? status < 500 : status == 503, $"{what}: {status}");
        // The API reference (Development only) is a third-party page with inline script: it has no policy of ours.
        if (!what.StartsWith("GET " + ApiDocsSetup.ReferencePath + "/", StringComparison.Ordinal))
        {
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var policy), $"{what}: no Content-Security-Policy");
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(' ', policy));
        }

        Assert.True(response.Headers.TryGetValues("X-Content-Type-Options", out var sniffing), $"{what}: no X-Content-Type-Options");
        Assert.Equal("nosniff", Assert.Single(sniffing));
        if (expected == Outage.Unavailable)
        {
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("2", response.Headers.RetryAfter?.ToString());
            Assert.Equal("unavailable", problem.GetProperty("code").GetString());
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
