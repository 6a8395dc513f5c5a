using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests.Security;

/// <summary>Guessing member numbers by starting again before the third wrong one ends in the member's lock.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MemberNumberLockTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();
    private JourneyDriver Driver => new(client);

    [Fact]
    public async Task Two_wrong_member_numbers_then_starting_again_ends_in_423()
    {
        var member = cluster.Directory.NewMember();
        for (var journey = 1; journey <= 7; journey++)
        {
            var id = await Driver.AtMemberNumber(member);
            for (var guess = 1; guess <= 2; guess++)
            {
                await (await client.PostJson($"/api/enrolments/{id}/member-number", new { memberNumber = "0000000000" }))
                    .AssertProblem(HttpStatusCode.UnprocessableEntity, "member-number-mismatch");
            }
        }

        var last = await Driver.AtMemberNumber(member);
        await (await client.PostJson($"/api/enrolments/{last}/member-number", new { memberNumber = "0000000000" }))
            .AssertProblem(HttpStatusCode.Locked, "locked");
        await (await client.PostJson("/api/enrolments", JourneyDriver.IdentityOf(member))).AssertProblem(HttpStatusCode.Locked, "locked");
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
    }
}
