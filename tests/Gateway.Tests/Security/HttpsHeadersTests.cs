using Enrolment.Gateway.Http;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Enrolment.Gateway.Tests.Security;

/// <summary>Under HTTPS, browsers are told to keep to HTTPS (HSTS), beside the headers every answer carries.</summary>
[Collection(GatewayCollection.Name)]
public sealed class HttpsHeadersTests(GatewayCluster cluster)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/enrolments/garbage")]
    [InlineData("/")]
    public async Task Answers_over_https_carry_hsts_and_the_other_security_headers(string path)
    {
        var client = cluster.Gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://espace.assureur.example") });

        var response = await client.GetAsync(path);

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 30 * 24 * 3600, $"HSTS max-age too short: {hsts}");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
