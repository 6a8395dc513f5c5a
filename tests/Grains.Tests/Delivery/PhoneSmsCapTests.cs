using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Delivery;

/// <summary>A cluster whose cap per phone number is two codes a day, so that a test can reach it.</summary>
public sealed class PhoneSmsCapCluster() : ClusterFixture(new Dictionary<string, string?> { ["Delivery:Sms:MaxPerPhone"] = "2" });

[CollectionDefinition(Name)]
public sealed class PhoneSmsCapCollection : ICollectionFixture<PhoneSmsCapCluster>
{
    public const string Name = "phone SMS cap cluster";
}

/// <summary>Against SMS pumping: one phone number gets so many codes a day, whichever member numbers ask.</summary>
[Collection(PhoneSmsCapCollection.Name)]
public sealed class PhoneSmsCapTests(PhoneSmsCapCluster cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Past_the_cap_one_number_gets_no_more_codes_for_24_hours_whichever_members_ask()
    {
        var pumped = TestMembers.Next().MobilePhone!;
        var members = Enumerable.Range(0, 3).Select(_ => TestMembers.Next()).ToList();
        await ToCodeAt(members[0], pumped);
        await cluster.Advance(TimeSpan.FromHours(1));
        await ToCodeAt(members[1], pumped);

        var id = await AtPhoneStep(members[2], pumped);
        var refusal = (await _driver.GrainOf(members[2]).SubmitMemberNumber(id, members[2].MemberNumber)).ShouldBeRefused(RefusalCodes.TooManyCodes);
        Assert.Equal(23 * 3600, refusal.RetryAfterSeconds);
        Assert.Equal(2, cluster.Sms.SentTo(pumped).Count);

        await cluster.Advance(TimeSpan.FromHours(23));
        id = await AtPhoneStep(members[2], pumped);
        (await _driver.GrainOf(members[2]).SubmitMemberNumber(id, members[2].MemberNumber)).ShouldSucceed();
        Assert.Equal(3, cluster.Sms.SentTo(pumped).Count);
    }

    private async Task ToCodeAt(MemberRecord member, string phone)
    {
        var id = await AtPhoneStep(member, phone);
        (await _driver.GrainOf(member).SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
    }

    /// <summary>A member who types <paramref name="phone"/> as a new mobile, at the member-number step.</summary>
    private async Task<Guid> AtPhoneStep(MemberRecord member, string phone)
    {
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);
        (await grain.ConfirmIdentity(id)).ShouldSucceed();
        (await grain.ConfirmPhone(id, isMine: false)).ShouldSucceed();
        (await grain.ChooseChannel(id, DeliveryChannel.Sms)).ShouldSucceed();
        (await grain.EnterPhone(id, new PhoneEntry(phone, false))).ShouldSucceed();
        return id;
    }
}
