using System.Globalization;
using System.Net;
using Enrolment.Gateway.Http;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Enrolments;
using Xunit;

namespace Enrolment.Gateway.Tests.Security;

/// <summary>Limits against abuse: code resends per client address, and the answer past the hourly SMS ceiling.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AbuseLimitTests(GatewayCluster cluster)
{
    [Fact]
    public async Task Code_resends_beyond_the_limit_per_address_get_429_with_retry_after_and_send_nothing()
    {
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?> { ["RateLimits:CodeResendPerMinute"] = "2" });
        var client = gateway.CreateClient();
        var member = cluster.Members.NewMember();
        var id = await new JourneyDriver(client).AtEnterCode(member);

        for (var i = 0; i < 2; i++)
        {
            // Within the journey's own 30 s spacing: the journey refuses, the address limit lets it through.
            await (await client.PostJson($"/api/enrolments/{id}/code/resend", new { })).AssertProblem(HttpStatusCode.TooManyRequests, "too-many-codes");
        }

        cluster.Clock.Advance(TimeSpan.FromSeconds(31));
        var refused = await client.PostJson($"/api/enrolments/{id}/code/resend", new { });

        var problem = await refused.AssertProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Single(cluster.Sms.To(member.MobilePhone!));
    }

    [Fact]
    public void Past_the_hourly_sms_ceiling_the_member_gets_a_503_problem_saying_when_to_retry()
    {
        var result = Problems.From(new Refusal(RefusalCodes.SmsCeiling, RetryAfterSeconds: 600));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(RefusalCodes.SmsCeiling, result.ProblemDetails.Extensions["code"]);
        Assert.Equal(600, result.ProblemDetails.Extensions["retryAfterSeconds"]);
    }
}
