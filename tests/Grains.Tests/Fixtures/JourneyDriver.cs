using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Grains.Tests.Fixtures;

/// <summary>Takes a member's journey to a given step the way the wizard would, asserting each step succeeds.</summary>
public sealed class JourneyDriver(ClusterFixture cluster)
{
    public const string Email = "member@example.org";
    public const string GoodPassword = "Vanves92Soleil7";

    public IEnrolmentGrain GrainOf(MemberRecord member) => cluster.Grains.GetGrain<IEnrolmentGrain>(member.MemberNumber);

    public async Task<Guid> Start(MemberRecord member) =>
        (await GrainOf(member).Start(new StartJourney(member, Email, Newsletter: true))).ShouldSucceed().JourneyId;

    /// <summary>SMS to the phone on file: the journey waits for the member number.</summary>
    public async Task<Guid> AtMemberNumber(MemberRecord member)
    {
        var id = await Start(member);
        (await GrainOf(member).ConfirmIdentity(id)).ShouldSucceed();
        (await GrainOf(member).ConfirmPhone(id, isMine: true)).ShouldSucceed();
        return id;
    }

    public async Task<Guid> AtEnterCode(MemberRecord member)
    {
        var id = await AtMemberNumber(member);
        (await GrainOf(member).SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        return id;
    }

    /// <summary>The letter path, for a member without a mobile: the letter is queued and the account created.</summary>
    public async Task<Guid> AtLetterSent(MemberRecord member)
    {
        var id = await Start(member);
        (await GrainOf(member).ConfirmIdentity(id)).ShouldSucceed();
        (await GrainOf(member).ChooseChannel(id, DeliveryChannel.Letter)).ShouldSucceed();
        (await GrainOf(member).SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        return id;
    }

    public async Task<Guid> AtCreatePassword(MemberRecord member)
    {
        var id = await AtEnterCode(member);
        (await GrainOf(member).SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
        return id;
    }
}

public static class StepOutcomeAssertions
{
    public static JourneyView ShouldSucceed(this StepOutcome outcome)
    {
        Assert.True(outcome.Succeeded, $"Refused: {outcome.Refusal?.Code}");
        return outcome.View!;
    }

    public static Refusal ShouldBeRefused(this StepOutcome outcome, string code)
    {
        Assert.False(outcome.Succeeded, $"Expected {code} but the step succeeded at {outcome.View?.Step}");
        Assert.Equal(code, outcome.Refusal!.Code);
        return outcome.Refusal;
    }
}
