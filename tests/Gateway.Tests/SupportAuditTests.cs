using System.Net;
using Enrolment.Gateway.Support;
using Enrolment.Gateway.Tests.Accounts;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Members;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>Support reads a member's audit trail over HTTP with its key, and nobody else does.</summary>
[Collection(GatewayCollection.Name)]
public sealed class SupportAuditTests(GatewayCluster cluster)
{
    private const string SupportKey = "support-key-for-tests-0123456789abcdef";

    private HttpClient SupportGateway() =>
        cluster.NewGateway(new Dictionary<string, string?> { ["Support:ApiKey"] = SupportKey }).CreateClient();

    [Fact]
    public async Task Support_reads_what_happened_to_a_member_without_any_secret()
    {
        var member = await cluster.MemberWithPassword();
        var memberClient = cluster.Gateway.Browser();
        await memberClient.SignIn(member, "WrongPassword1");
        await memberClient.SignIn(member, Accounts.Accounts.Password);
        var client = SupportGateway();
        client.DefaultRequestHeaders.Add(SupportApi.KeyHeader, SupportKey);

        var response = await client.GetAsync($"/api/support/members/{MemberNumber.Format(member.MemberNumber)}/audit");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"source\":\"account\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.Accounts.Password, body, StringComparison.Ordinal);
        Assert.DoesNotContain("WrongPassword1", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Accounts.Accounts.Email, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("support-key-for-tests-0123456789abcdeX")]
    public async Task Without_the_right_key_support_routes_answer_401(string? key)
    {
        var client = SupportGateway();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(SupportApi.KeyHeader, key);
        }

        var response = await client.GetAsync("/api/support/members/1234567890/audit");

        await response.AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task A_gateway_without_a_support_key_has_no_support_routes()
    {
        var response = await cluster.Gateway.CreateClient().GetAsync("/api/support/members/1234567890/audit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_member_number_is_a_validation_problem()
    {
        var client = SupportGateway();
        client.DefaultRequestHeaders.Add(SupportApi.KeyHeader, SupportKey);

        var response = await client.GetAsync("/api/support/members/12345/audit");

        await response.AssertProblem(HttpStatusCode.BadRequest, "validation");
    }
}
