using System.Net;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>What the HTTP layer answers by itself: problems with a code for any mistake, security headers on everything.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HttpBehaviourTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/")]
    [InlineData("/inscription.html")]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/enrolments/garbage")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await client.GetAsync(path);

        var headers = response.Headers;
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(headers.GetValues("X-Frame-Options")));
        Assert.False(headers.Contains("Strict-Transport-Security"), "HSTS is only sent under HTTPS");
    }

    [Fact]
    public async Task Error_answers_carry_the_security_headers_too()
    {
        var response = await client.PostRaw("/api/enrolments", "{not json");

        await response.AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem_not_the_wizard_page()
    {
        var response = await client.GetAsync("/api/no-such-thing");

        await response.AssertProblem(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await client.DeleteAsync("/api/enrolments");

        await response.AssertProblem(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task A_body_over_64_KB_is_a_413_problem()
    {
        var huge = "{\"lastName\":\"" + new string('A', 70 * 1024) + "\"}";

        var response = await client.PostRaw("/api/enrolments", huge);

        await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
    }

    [Fact]
    public async Task An_oversized_header_block_is_a_431_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('x', 20 * 1024));

        var response = await client.SendAsync(request);

        await response.AssertProblem(HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await client.PostRaw("/api/enrolments", "lastName=COMET", "application/x-www-form-urlencoded");

        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }
}
