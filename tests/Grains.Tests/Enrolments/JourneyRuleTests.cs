using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>Member-number checks and the member lock, idle expiry, superseded journeys, replays.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JourneyRuleTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Three_member_number_mismatches_void_the_journey()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtMemberNumber(member);

        Assert.Equal(2, (await grain.SubmitMemberNumber(id, "1234567890")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch).AttemptsLeft);
        Assert.Equal(1, (await grain.SubmitMemberNumber(id, "not a number")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch).AttemptsLeft);
        (await grain.SubmitMemberNumber(id, "1234567890")).ShouldBeRefused(RefusalCodes.EnrolmentVoid);
        (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldBeRefused(RefusalCodes.EnrolmentVoid);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
    }

    [Fact]
    public async Task Starting_again_after_two_wrong_member_numbers_locks_at_the_fifteenth()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        await TwoWrongMemberNumbersPerJourney(member, journeys: 7, between: TimeSpan.FromHours(1));

        var last = await _driver.AtMemberNumber(member);
        Assert.Equal(24 * 3600, (await grain.SubmitMemberNumber(last, "0000000000")).ShouldBeRefused(RefusalCodes.Locked).RetryAfterSeconds);
        (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.Locked);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));

        await cluster.Advance(TimeSpan.FromHours(24));
        await _driver.AtEnterCode(member);
    }

    [Fact]
    public async Task Member_number_mismatches_older_than_24_hours_no_longer_count()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        await TwoWrongMemberNumbersPerJourney(member, journeys: 7, between: TimeSpan.Zero);

        await cluster.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var last = await _driver.AtMemberNumber(member);
        (await grain.SubmitMemberNumber(last, "0000000000")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
    }

    [Fact]
    public async Task Five_void_journeys_in_24_hours_lock_the_enrolment_for_24_hours()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        Guid last = default;
        for (var journey = 1; journey <= 5; journey++)
        {
            last = await _driver.AtMemberNumber(member);
            (await grain.SubmitMemberNumber(last, "0000000000")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
            (await grain.SubmitMemberNumber(last, "0000000000")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
            var third = await grain.SubmitMemberNumber(last, "0000000000");
            if (journey < 5)
            {
                third.ShouldBeRefused(RefusalCodes.EnrolmentVoid);
                await cluster.Advance(TimeSpan.FromHours(1));
            }
            else
            {
                Assert.Equal(24 * 3600, third.ShouldBeRefused(RefusalCodes.Locked).RetryAfterSeconds);
            }
        }

        await cluster.Advance(TimeSpan.FromHours(23));
        var locked = (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.Locked);
        Assert.Equal(3600, locked.RetryAfterSeconds);
        (await grain.Get(last)).ShouldBeRefused(RefusalCodes.Locked);
        Assert.Contains(await grain.GetAuditTrail(), e => e.Kind == AuditKinds.Locked);

        await cluster.Advance(TimeSpan.FromHours(1));
        var id = await _driver.AtEnterCode(member);
        Assert.Equal(JourneyStep.EnterCode, (await grain.Get(id)).ShouldSucceed().Step);
    }

    [Fact]
    public async Task An_unfinished_journey_expires_30_minutes_after_its_last_step()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);
        await cluster.Advance(TimeSpan.FromMinutes(29));
        (await grain.ConfirmIdentity(id)).ShouldSucceed();

        await cluster.Advance(TimeSpan.FromMinutes(29) + TimeSpan.FromSeconds(59));
        Assert.Equal(JourneyStep.ConfirmPhone, (await grain.Get(id)).ShouldSucceed().Step);

        await cluster.Advance(TimeSpan.FromSeconds(1));
        (await grain.Get(id)).ShouldBeRefused(RefusalCodes.EnrolmentExpired);
        (await grain.ConfirmPhone(id, true)).ShouldBeRefused(RefusalCodes.EnrolmentExpired);
        (await _driver.GrainOf(member).Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldSucceed();
    }

    [Fact]
    public async Task A_new_journey_voids_the_previous_one_and_its_code()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var old = await _driver.AtEnterCode(member);
        var oldCode = cluster.Sms.LastCodeTo(member.MobilePhone!);

        var current = await _driver.AtMemberNumber(member);
        (await grain.SubmitCode(old, oldCode)).ShouldBeRefused(RefusalCodes.UnknownEnrolment);
        (await grain.Get(old)).ShouldBeRefused(RefusalCodes.UnknownEnrolment);

        await cluster.Advance(TimeSpan.FromSeconds(30));
        (await grain.SubmitMemberNumber(current, member.MemberNumber)).ShouldSucceed();
        var newCode = cluster.Sms.LastCodeTo(member.MobilePhone!);
        if (newCode != oldCode)
        {
            (await grain.SubmitCode(current, oldCode)).ShouldBeRefused(RefusalCodes.CodeMismatch);
        }

        (await grain.SubmitCode(current, newCode)).ShouldSucceed();
        Assert.Contains(await grain.GetAuditTrail(), e => e.Kind == AuditKinds.JourneySuperseded);
    }

    [Fact]
    public async Task Each_step_replayed_with_the_same_body_answers_the_same_success_and_does_it_once()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);

        Assert.Equal((await grain.ConfirmIdentity(id)).ShouldSucceed(), (await grain.ConfirmIdentity(id)).ShouldSucceed());
        Assert.Equal((await grain.ConfirmPhone(id, true)).ShouldSucceed(), (await grain.ConfirmPhone(id, true)).ShouldSucceed());
        (await grain.ConfirmPhone(id, false)).ShouldBeRefused(RefusalCodes.WrongStep);

        var codeSent = (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        Assert.Equal(codeSent, (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed());
        Assert.Single(cluster.Sms.SentTo(member.MobilePhone!));

        var code = cluster.Sms.LastCodeTo(member.MobilePhone!);
        Assert.Equal((await grain.SubmitCode(id, code)).ShouldSucceed(), (await grain.SubmitCode(id, code)).ShouldSucceed());

        var password = JourneyDriver.GoodPassword;
        Assert.Equal((await grain.CreatePassword(id, password, password)).ShouldSucceed(), (await grain.CreatePassword(id, password, password)).ShouldSucceed());
        (await grain.CreatePassword(id, "Autre2Secret9", "Autre2Secret9")).ShouldBeRefused(RefusalCodes.WrongStep);

        var trail = await grain.GetAuditTrail();
        Assert.Single(trail, e => e.Kind == AuditKinds.CodeAccepted);
        Assert.Single(trail, e => e.Kind == AuditKinds.PasswordCreated);
        Assert.Single(trail, e => e.Kind == AuditKinds.AccountCreated);
    }

    [Fact]
    public async Task A_password_breaking_the_rules_is_refused_with_each_rule_named_and_the_journey_waits()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtCreatePassword(member);

        var refusal = (await grain.CreatePassword(id, "comet01081985!", "other")).ShouldBeRefused(RefusalCodes.Validation);
        Assert.Equal(3, refusal.Errors!["password"].Length);
        Assert.Single(refusal.Errors["passwordConfirmation"]);
        (await grain.CreatePassword(id, "azerty123", "azerty123")).ShouldBeRefused(RefusalCodes.Validation);

        Assert.Equal(JourneyStep.CreatePassword, (await grain.Get(id)).ShouldSucceed().Step);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();
    }

    [Fact]
    public async Task The_audit_trail_tells_the_story_without_a_secret()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtCreatePassword(member);
        var code = cluster.Sms.LastCodeTo(member.MobilePhone!);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();

        var trail = await grain.GetAuditTrail();
        Assert.Equal(
            [AuditKinds.JourneyStarted, AuditKinds.IdentityConfirmed, AuditKinds.PhoneConfirmed, AuditKinds.MemberNumberAccepted, AuditKinds.CodeIssued, AuditKinds.SmsSent, AuditKinds.CodeAccepted, AuditKinds.PasswordCreated, AuditKinds.AccountCreated],
            trail.Select(e => e.Kind));
        Assert.All(trail, e => Assert.True(e.At <= cluster.Time.GetUtcNow()));
        var text = string.Join('\n', trail.Select(e => $"{e.Kind} {e.Detail}"));
        Assert.DoesNotContain(code, text, StringComparison.Ordinal);
        Assert.DoesNotContain(member.MobilePhone!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyDriver.GoodPassword, text, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyDriver.Email, text, StringComparison.Ordinal);
    }

    /// <summary>The patient guesser: two wrong member numbers, then a new journey before the third voids it.</summary>
    private async Task TwoWrongMemberNumbersPerJourney(Interfaces.Members.MemberRecord member, int journeys, TimeSpan between)
    {
        var grain = _driver.GrainOf(member);
        for (var journey = 1; journey <= journeys; journey++)
        {
            var id = await _driver.AtMemberNumber(member);
            (await grain.SubmitMemberNumber(id, "0000000000")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
            (await grain.SubmitMemberNumber(id, "0000000000")).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
            await cluster.Advance(between);
        }
    }
}
