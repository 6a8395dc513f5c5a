using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>An open journey keeps one activation in the silo's memory, its own: not also an empty account's, which a first start does not even read.</summary>
[Collection(ClusterCollection.Name)]
public sealed class OpenJourneyMemoryTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Starting_a_journey_leaves_no_account_activation_behind_while_the_journey_stays()
    {
        var member = TestMembers.Next();
        var journey = _driver.GrainOf(member);

        (await journey.Start(new StartJourney(member, JourneyDriver.Email, Newsletter: false))).ShouldSucceed();

        var account = cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber).GetGrainId();
        await Eventually.True(
            async () => !(await ActiveGrainsAsync(account.Type)).Contains(account),
            "the member's empty account activation to be gone");
        Assert.Contains(journey.GetGrainId(), await ActiveGrainsAsync(journey.GetGrainId().Type));
    }

    [Fact]
    public async Task A_first_start_reads_no_account_and_a_second_start_asks_it()
    {
        var member = TestMembers.Next();
        var journey = _driver.GrainOf(member);
        var account = cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber).GetGrainId();

        (await journey.Start(new StartJourney(member, JourneyDriver.Email, Newsletter: false))).ShouldSucceed();
        Assert.Equal(0, cluster.Storage.ReadsOf(account));
        Assert.DoesNotContain(account, await ActiveGrainsAsync(account.Type));

        // A second journey of the same member, whose enrolment is now stored, asks the account again.
        (await journey.Start(new StartJourney(member, JourneyDriver.Email, Newsletter: false))).ShouldSucceed();
        Assert.Equal(1, cluster.Storage.ReadsOf(account));
    }

    private ValueTask<List<GrainId>> ActiveGrainsAsync(GrainType type) =>
        cluster.Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(type);
}
