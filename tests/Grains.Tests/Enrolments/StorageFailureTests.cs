using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>A step the database did not store did not happen: the member sees an error, then the step as before.</summary>
[Collection(ClusterCollection.Name)]
public sealed class StorageFailureTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task A_step_whose_write_fails_is_not_taken_and_can_be_sent_again()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtMemberNumber(member);

        cluster.Storage.FailWrites(grain.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitMemberNumber(id, member.MemberNumber));

        Assert.Equal(JourneyStep.MemberNumber, (await grain.Get(id)).ShouldSucceed().Step);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));

        Assert.Equal(JourneyStep.EnterCode, (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed().Step);
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
    }

    [Fact]
    public async Task A_code_step_whose_write_fails_is_not_taken_even_with_a_sent_sms_still_to_record()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var code = cluster.Sms.LastCodeTo(member.MobilePhone!);

        cluster.Storage.FailWrites(grain.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => grain.SubmitCode(id, code));

        Assert.Equal(JourneyStep.EnterCode, (await grain.Get(id)).ShouldSucceed().Step);
        (await grain.SubmitCode(id, code)).ShouldSucceed();
    }

    [Fact]
    public async Task An_sms_sent_while_the_outbox_cannot_be_saved_is_still_retried_and_recorded_later()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        var grain = _driver.GrainOf(member);
        cluster.Sms.FailFor(phone, 1);
        var id = await _driver.AtEnterCode(member);

        cluster.Storage.FailWrites(grain.GetGrainId(), 1);
        await cluster.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(phone).Count == 1), "sent while storage fails");

        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(phone))).ShouldSucceed();
        Assert.Contains(await grain.GetAuditTrail(), e => e.Kind == AuditKinds.SmsSent);
    }
}
