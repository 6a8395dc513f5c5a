using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>
/// Every bad input gets its 4xx problem with the right code, never a 5xx, and leaves the journey as it was:
/// same GET answer before and after, no SMS sent.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class BadInputTests(GatewayCluster cluster)
{
    private readonly HttpClient client = cluster.Gateway.CreateClient();

    public static IEnumerable<object[]> Names => BadInputCases.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Bad_input_gets_its_problem_and_changes_nothing(string name)
    {
        var bad = BadInputCases.All[name];
        var member = cluster.Directory.NewMember(withMobile: true);
        var driver = new JourneyDriver(client);
        var id = await driver.AtConfirmPhone(member);
        var before = await driver.Snapshot(id);

        using var request = bad.Request(new Target(id, member));
        var response = await client.SendAsync(request);

        var problem = await response.AssertProblem(bad.Status, bad.Code);
        if (bad.Step is { } step)
        {
            Assert.Equal(step, problem.Text("step"));
        }

        var text = problem.GetRawText();
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.MemberNumber, text, StringComparison.Ordinal);
        Assert.Equal(before, await driver.Snapshot(id));
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
    }

    [Fact]
    public async Task The_id_of_a_journey_superseded_by_a_new_start_is_unknown()
    {
        var member = cluster.Directory.NewMember();
        var driver = new JourneyDriver(client);
        var first = await driver.Start(member);
        var second = await driver.Start(member);

        var response = await client.PostJson($"/api/enrolments/{first}/identity-confirmation", new { });

        await response.AssertProblem(System.Net.HttpStatusCode.NotFound, "unknown-enrolment");
        Assert.Equal("confirm-identity", (await (await client.GetAsync($"/api/enrolments/{second}")).AssertSuccess()).Text("step"));
    }

    [Fact]
    public async Task Another_members_id_does_not_reach_this_members_journey()
    {
        var driver = new JourneyDriver(client);
        var mine = await driver.AtConfirmPhone(cluster.Directory.NewMember());
        var theirs = await driver.AtConfirmPhone(cluster.Directory.NewMember());
        var before = await driver.Snapshot(mine);

        await driver.Step(theirs, "phone-confirmation", new { isMine = true });

        Assert.Equal(before, await driver.Snapshot(mine));
    }
}
