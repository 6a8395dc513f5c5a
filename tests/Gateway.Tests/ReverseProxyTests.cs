using System.Net;
using System.Text;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// Behind a proxy every request comes from the proxy's address: the per-address limits must count the members the
/// proxy forwards, and only when the proxy is one the operator trusts.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ReverseProxyTests(GatewayCluster cluster)
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_member_has_a_limit_of_their_own()
    {
        await using var gateway = GatewayWithOneSearchPerMinute(trusted: "10.0.0.0/24");

        Assert.NotEqual(StatusCodes.Status429TooManyRequests, await SearchStatus(gateway, forwardedFor: "203.0.113.7"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SearchStatus(gateway, forwardedFor: "203.0.113.7"));
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, await SearchStatus(gateway, forwardedFor: "198.51.100.20"));
    }

    [Fact]
    public async Task Forwarded_addresses_from_a_sender_nobody_trusts_are_ignored()
    {
        await using var gateway = GatewayWithOneSearchPerMinute(trusted: null);

        Assert.NotEqual(StatusCodes.Status429TooManyRequests, await SearchStatus(gateway, forwardedFor: "203.0.113.7"));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await SearchStatus(gateway, forwardedFor: "198.51.100.20"));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData(null, false)]
    public async Task Https_that_a_trusted_proxy_received_is_answered_as_https(string? trusted, bool answeredAsHttps)
    {
        await using var gateway = GatewayWithOneSearchPerMinute(trusted);

        var context = await gateway.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = Proxy;
            request.Request.Method = "GET";
            request.Request.Host = new HostString("espace.assureur.example");
            request.Request.Path = "/health/live";
            request.Request.Headers["X-Forwarded-Proto"] = "https";
        });

        // HSTS is only ever sent over HTTPS.
        Assert.Equal(answeredAsHttps, context.Response.Headers.StrictTransportSecurity.Count > 0);
    }

    private GatewayFactory GatewayWithOneSearchPerMinute(string? trusted)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:IdentitySearchPerMinute"] = "1" };
        if (trusted is not null)
        {
            settings[$"{ReverseProxies.TrustedSetting}:0"] = trusted;
        }

        return cluster.NewGateway(settings);
    }

    /// <summary>An identity search arriving from the proxy on behalf of <paramref name="forwardedFor"/>.</summary>
    private static async Task<int> SearchStatus(GatewayFactory gateway, string forwardedFor)
    {
        var body = """{"lastName":"NOBODY","firstName":"NOONE","birthDate":"01/01/1980","email":"a@b.fr","emailConfirmation":"a@b.fr"}""";
        var context = await gateway.Server.SendAsync(request =>
        {
            request.Connection.RemoteIpAddress = Proxy;
            request.Request.Method = "POST";
            request.Request.Path = "/api/enrolments";
            request.Request.Headers["X-Forwarded-For"] = forwardedFor;
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        });
        return context.Response.StatusCode;
    }
}
