using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.FranceConnect;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.FranceConnect;

/// <summary>The FranceConnect journey (flow c) and the link proof (flow b) under the member's own limits.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FranceConnectEnrolmentGrainTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task A_journey_from_FranceConnect_goes_from_the_identity_to_the_member_number_to_a_linked_account()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var subject = $"sub-{Guid.NewGuid():N}";
        var id = (await grain.Start(new StartJourney(member, JourneyDriver.Email, false, subject))).ShouldSucceed().JourneyId;

        Assert.Equal(JourneyStep.MemberNumber, (await grain.ConfirmIdentity(id)).ShouldSucceed().Step);
        Assert.Equal(JourneyStep.Completed, (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed().Step);

        Assert.Equal(member.MemberNumber, await cluster.Grains.GetGrain<IFranceConnectLinkGrain>(subject).GetMemberNumber());
        var methods = await cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber).GetSignInMethods();
        Assert.False(methods.HasPassword);
        Assert.Equal(subject, methods.FranceConnectSubject);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
    }

    [Fact]
    public async Task Wrong_member_numbers_typed_to_link_FranceConnect_count_in_the_member_s_limit_whatever_the_identity()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);

        // Five identities, three wrong numbers each before their own lock: the fifteenth locks the member.
        LinkProof last = null!;
        for (var guess = 0; guess < 15; guess++)
        {
            last = await grain.ProveFranceConnectLink($"sub-{guess / 3}-{member.MemberNumber}", "0000000000");
        }

        Assert.Equal(24 * 3600, last.RetryAfterSeconds);
        var right = await grain.ProveFranceConnectLink($"sub-new-{member.MemberNumber}", member.MemberNumber);
        Assert.False(right.Linked);
        Assert.NotNull(right.RetryAfterSeconds);
        (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.Locked);
    }
}
