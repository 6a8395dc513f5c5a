using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayCluster cluster)
{
    [Fact]
    public async Task Identity_searches_beyond_the_limit_per_address_are_refused_with_429_and_retry_after()
    {
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?>
        {
            ["RateLimits:IdentitySearchPerMinute"] = "3",
        });
        var client = gateway.CreateClient();
        var search = new { lastName = "NOBODY", firstName = "NOONE", birthDate = "01/01/1980", email = "a@b.fr", emailConfirmation = "a@b.fr" };

        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.PostJson("/api/enrolments", search);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        var refused = await client.PostJson("/api/enrolments", search);

        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task Code_resends_beyond_the_limit_per_address_are_refused_before_reaching_the_journey()
    {
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?>
        {
            ["RateLimits:IdentitySearchPerMinute"] = "100",
            ["RateLimits:CodeResendPerMinute"] = "1",
        });
        var client = gateway.CreateClient();
        var member = cluster.Directory.NewMember();
        var id = await new JourneyDriver(client).AtEnterCode(member);

        var first = await client.PostJson($"/api/enrolments/{id}/code/resend", new { });
        await first.AssertProblem(HttpStatusCode.TooManyRequests, "too-many-codes");
        var second = await client.PostJson($"/api/enrolments/{id}/code/resend", new { });

        await second.AssertProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.Single(second.Headers.GetValues("Retry-After"));
        Assert.Single(cluster.Sms.SentTo(member.MobilePhone!));
    }
}
