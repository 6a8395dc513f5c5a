using System.Globalization;
using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;
using static Enrolment.Gateway.Tests.Accounts.Accounts;

namespace Enrolment.Gateway.Tests.Accounts;

[Collection(GatewayCollection.Name)]
public sealed class AccountRateLimitTests(GatewayCluster cluster)
{
    [Fact]
    public async Task Sign_ins_beyond_the_limit_per_address_get_429_with_retry_after_and_reach_no_account()
    {
        var member = await cluster.MemberWithPassword();
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        var client = gateway.Browser();
        await (await client.SignIn(member, Password)).AssertSuccess();
        await (await client.SignIn(member, "Mauvais2024mot")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var trail = (await cluster.AccountOf(member).GetAuditTrail()).Count;

        var refused = await client.SignIn(member, "Mauvais2024mot");

        await AssertRateLimited(refused);
        Assert.Equal(trail, (await cluster.AccountOf(member).GetAuditTrail()).Count);
    }

    [Fact]
    public async Task Lost_password_requests_beyond_the_limit_per_address_get_429_with_retry_after()
    {
        var member = await cluster.MemberWithPassword();
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?> { ["RateLimits:PasswordResetPerMinute"] = "1" });
        var client = gateway.Browser();
        var request = new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        await (await client.PostJson("/api/password-resets", request)).AssertSuccess(HttpStatusCode.Created);

        await AssertRateLimited(await client.PostJson("/api/password-resets", request));
    }

    private static async Task AssertRateLimited(HttpResponseMessage response)
    {
        var problem = await response.AssertProblem(HttpStatusCode.TooManyRequests, "rate-limited");
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());
    }
}
