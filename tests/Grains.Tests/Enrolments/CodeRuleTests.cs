using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The SMS code: 5 minutes, 3 tries, resend spacing and caps per journey and per member.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CodeRuleTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    /// <summary>The browser learns the code's length from the answer, beside when it expires.</summary>
    [Fact]
    public async Task Only_the_code_screen_carries_the_code_length()
    {
        var member = TestMembers.Next();
        var atNumber = await _driver.AtMemberNumber(member);
        Assert.Null((await _driver.GrainOf(member).Get(atNumber)).ShouldSucceed().CodeLength);

        var codeScreen = (await _driver.GrainOf(member).SubmitMemberNumber(atNumber, member.MemberNumber)).ShouldSucceed();

        Assert.Equal((JourneyStep.EnterCode, 6), (codeScreen.Step, codeScreen.CodeLength));
        Assert.NotNull(codeScreen.CodeExpiresAt);
    }

    [Fact]
    public async Task A_code_works_at_4_minutes_59()
    {
        var member = TestMembers.Next();
        var id = await _driver.AtEnterCode(member);
        await cluster.Advance(TimeSpan.FromSeconds(299));
        (await _driver.GrainOf(member).SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
    }

    [Fact]
    public async Task A_code_is_expired_at_5_minutes_01_and_a_resend_gives_a_working_one()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var first = cluster.Sms.LastCodeTo(member.MobilePhone!);
        await cluster.Advance(TimeSpan.FromSeconds(301));

        (await grain.SubmitCode(id, first)).ShouldBeRefused(RefusalCodes.CodeExpired);

        var resent = (await grain.ResendCode(id)).ShouldSucceed();
        Assert.Equal(cluster.Time.GetUtcNow().AddMinutes(5), resent.CodeExpiresAt);
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
    }

    [Fact]
    public async Task Three_wrong_codes_void_the_journey_and_the_fourth_try_is_refused_even_with_the_right_code()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var code = cluster.Sms.LastCodeTo(member.MobilePhone!);
        var wrong = code == "000000" ? "111111" : "000000";

        Assert.Equal(2, (await grain.SubmitCode(id, wrong)).ShouldBeRefused(RefusalCodes.CodeMismatch).AttemptsLeft);
        Assert.Equal(1, (await grain.SubmitCode(id, wrong)).ShouldBeRefused(RefusalCodes.CodeMismatch).AttemptsLeft);
        Assert.Equal(0, (await grain.SubmitCode(id, wrong)).ShouldBeRefused(RefusalCodes.EnrolmentVoid).AttemptsLeft);
        (await grain.SubmitCode(id, code)).ShouldBeRefused(RefusalCodes.EnrolmentVoid);
        (await grain.ResendCode(id)).ShouldBeRefused(RefusalCodes.EnrolmentVoid);
        (await grain.Get(id)).ShouldBeRefused(RefusalCodes.EnrolmentVoid);

        // The member starts again at step 1.
        Assert.Equal(JourneyStep.ConfirmIdentity, (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldSucceed().Step);
    }

    [Fact]
    public async Task A_resend_29_seconds_after_a_code_waits_and_one_at_30_seconds_voids_the_previous_code()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var first = cluster.Sms.LastCodeTo(member.MobilePhone!);

        await cluster.Advance(TimeSpan.FromSeconds(29));
        var refusal = (await grain.ResendCode(id)).ShouldBeRefused(RefusalCodes.TooManyCodes);
        Assert.Equal(1, refusal.RetryAfterSeconds);
        Assert.Single(cluster.Sms.SentTo(member.MobilePhone!));

        await cluster.Advance(TimeSpan.FromSeconds(1));
        (await grain.ResendCode(id)).ShouldSucceed();
        Assert.Equal(2, cluster.Sms.SentTo(member.MobilePhone!).Count);
        var second = cluster.Sms.LastCodeTo(member.MobilePhone!);

        if (first != second)
        {
            Assert.Equal(2, (await grain.SubmitCode(id, first)).ShouldBeRefused(RefusalCodes.CodeMismatch).AttemptsLeft);
        }

        (await grain.SubmitCode(id, second)).ShouldSucceed();
    }

    [Fact]
    public async Task A_journey_sends_at_most_three_codes()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        for (var i = 0; i < 2; i++)
        {
            await cluster.Advance(TimeSpan.FromSeconds(30));
            (await grain.ResendCode(id)).ShouldSucceed();
        }

        await cluster.Advance(TimeSpan.FromSeconds(30));
        var refusal = (await grain.ResendCode(id)).ShouldBeRefused(RefusalCodes.TooManyCodes);
        Assert.Null(refusal.RetryAfterSeconds);
        Assert.Equal(3, cluster.Sms.SentTo(member.MobilePhone!).Count);
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
    }

    [Fact]
    public async Task A_member_gets_at_most_five_codes_in_24_hours_then_one_more_once_the_oldest_leaves_the_window()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var start = cluster.Time.GetUtcNow();
        await _driver.AtEnterCode(member);
        var second = await _driver.AtMemberNumber(member);
        await cluster.Advance(TimeSpan.FromSeconds(30));
        (await grain.SubmitMemberNumber(second, member.MemberNumber)).ShouldSucceed();
        for (var i = 0; i < 2; i++)
        {
            await cluster.Advance(TimeSpan.FromSeconds(30));
            (await grain.ResendCode(second)).ShouldSucceed();
        }

        var third = await _driver.AtMemberNumber(member);
        await cluster.Advance(TimeSpan.FromSeconds(30));
        (await grain.SubmitMemberNumber(third, member.MemberNumber)).ShouldSucceed();
        Assert.Equal(5, cluster.Sms.SentTo(member.MobilePhone!).Count);

        var fourth = await _driver.AtMemberNumber(member);
        await cluster.Advance(TimeSpan.FromMinutes(10));
        var refusal = (await grain.SubmitMemberNumber(fourth, member.MemberNumber)).ShouldBeRefused(RefusalCodes.TooManyCodes);
        var firstLeavesWindow = start.AddHours(24) - cluster.Time.GetUtcNow();
        Assert.Equal((int)Math.Ceiling(firstLeavesWindow.TotalSeconds), refusal.RetryAfterSeconds);
        Assert.Equal(5, cluster.Sms.SentTo(member.MobilePhone!).Count);

        await cluster.Advance(firstLeavesWindow);
        var fifth = await _driver.AtMemberNumber(member);
        Assert.Equal(JourneyStep.EnterCode, (await grain.SubmitMemberNumber(fifth, member.MemberNumber)).ShouldSucceed().Step);
        Assert.Equal(6, cluster.Sms.SentTo(member.MobilePhone!).Count);
    }

    [Fact]
    public async Task Pressing_resend_twice_within_the_spacing_answers_the_first_resend_again()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        await cluster.Advance(TimeSpan.FromSeconds(30));
        var first = (await grain.ResendCode(id)).ShouldSucceed();
        var again = (await grain.ResendCode(id)).ShouldSucceed();
        Assert.Equal(first, again);
        Assert.Equal(2, cluster.Sms.SentTo(member.MobilePhone!).Count);
    }
}
