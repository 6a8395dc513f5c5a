using Enrolment.Grains.Accounts;
using Enrolment.Grains.Codes;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Passwords;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The three paths of the guide, from "Je m'inscris" to an account.</summary>
[Collection(ClusterCollection.Name)]
public sealed class JourneyPathTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Sms_to_the_phone_on_file_ends_with_a_usable_account()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);

        var started = (await grain.Start(new StartJourney(member, JourneyDriver.Email, Newsletter: true))).ShouldSucceed();
        Assert.Equal(JourneyStep.ConfirmIdentity, started.Step);
        Assert.Equal("PAUL COMET", started.FullName);
        Assert.Equal("74 RUE JEAN BLEUZEN 92177 VANVES", started.Address);

        var confirmPhone = (await grain.ConfirmIdentity(started.JourneyId)).ShouldSucceed();
        Assert.Equal(JourneyStep.ConfirmPhone, confirmPhone.Step);
        Assert.Equal($"XX XX XX {member.MobilePhone![6..8]} {member.MobilePhone[8..]}", confirmPhone.MaskedPhone);
        Assert.Equal("", confirmPhone.Address);

        var memberNumber = (await grain.ConfirmPhone(started.JourneyId, isMine: true)).ShouldSucceed();
        Assert.Equal(JourneyStep.MemberNumber, memberNumber.Step);

        var enterCode = (await grain.SubmitMemberNumber(started.JourneyId, member.MemberNumber)).ShouldSucceed();
        Assert.Equal(JourneyStep.EnterCode, enterCode.Step);
        Assert.Equal(cluster.Time.GetUtcNow().AddMinutes(5), enterCode.CodeExpiresAt);
        Assert.Equal(confirmPhone.MaskedPhone, enterCode.MaskedPhone);

        var sms = Assert.Single(cluster.Sms.SentTo(member.MobilePhone));
        var code = cluster.Sms.LastCodeTo(member.MobilePhone);
        Assert.Matches("^[0-9]{6}$", code);
        Assert.DoesNotContain(member.MemberNumber, sms.Text, StringComparison.Ordinal);

        var createPassword = (await grain.SubmitCode(started.JourneyId, code)).ShouldSucceed();
        Assert.Equal(JourneyStep.CreatePassword, createPassword.Step);

        var completed = (await grain.CreatePassword(started.JourneyId, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();
        Assert.Equal(JourneyStep.Completed, completed.Step);

        var account = await cluster.ReadStoredState<AccountState>("account", AccountGrainId(member.MemberNumber));
        Assert.True(account.Exists);
        Assert.Equal(started.JourneyId, account.EnrolmentJourneyId);
        Assert.Equal(JourneyDriver.Email, account.Email);
        Assert.True(account.Newsletter);
        Assert.NotNull(account.NewsletterConsentAt);
        Assert.Null(account.VerifiedPhone);
        Assert.StartsWith("$argon2id$", account.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(JourneyDriver.GoodPassword, account.PasswordHash, StringComparison.Ordinal);
        Assert.Null(account.ProvisionalCodeHash);

        (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.AlreadyEnrolled);
    }

    [Fact]
    public async Task Sms_to_a_new_phone_when_the_one_on_file_is_not_the_members()
    {
        var member = TestMembers.Next();
        var newPhone = TestMembers.NewPhone();
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);
        (await grain.ConfirmIdentity(id)).ShouldSucceed();

        Assert.Equal(JourneyStep.ChooseChannel, (await grain.ConfirmPhone(id, isMine: false)).ShouldSucceed().Step);
        Assert.Equal(JourneyStep.EnterPhone, (await grain.ChooseChannel(id, DeliveryChannel.Sms)).ShouldSucceed().Step);
        Assert.Equal(JourneyStep.MemberNumber, (await grain.EnterPhone(id, new PhoneEntry(newPhone, PhoneMarketingOptOut: true))).ShouldSucceed().Step);
        var enterCode = (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        Assert.Equal($"XX XX XX {newPhone[6..8]} {newPhone[8..]}", enterCode.MaskedPhone);

        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(newPhone))).ShouldSucceed();
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();

        var account = await cluster.ReadStoredState<AccountState>("account", AccountGrainId(member.MemberNumber));
        Assert.Equal(newPhone, account.VerifiedPhone);
        Assert.True(account.PhoneMarketingOptOut);
    }

    [Fact]
    public async Task A_member_without_a_phone_on_file_chooses_a_channel_and_a_bad_phone_is_refused()
    {
        var member = TestMembers.Next(withPhone: false);
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);

        var choose = (await grain.ConfirmIdentity(id)).ShouldSucceed();
        Assert.Equal(JourneyStep.ChooseChannel, choose.Step);
        Assert.Null(choose.MaskedPhone);
        (await grain.ChooseChannel(id, DeliveryChannel.Sms)).ShouldSucceed();

        var refusal = (await grain.EnterPhone(id, new PhoneEntry("0139983708", false))).ShouldBeRefused(RefusalCodes.Validation);
        Assert.Contains("phone", refusal.Errors!.Keys);
        (await grain.EnterPhone(id, null!)).ShouldBeRefused(RefusalCodes.Validation);
        (await grain.EnterPhone(id, new PhoneEntry(null!, false))).ShouldBeRefused(RefusalCodes.Validation);
        Assert.Equal(JourneyStep.EnterPhone, (await grain.Get(id)).ShouldSucceed().Step);
    }

    [Fact]
    public async Task The_letter_path_creates_the_account_with_a_provisional_code_and_posts_it()
    {
        var member = TestMembers.Next(withPhone: false);
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);
        (await grain.ConfirmIdentity(id)).ShouldSucceed();
        Assert.Equal(JourneyStep.MemberNumber, (await grain.ChooseChannel(id, DeliveryChannel.Letter)).ShouldSucceed().Step);

        var sent = (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        Assert.Equal(JourneyStep.LetterSent, sent.Step);

        var letter = Assert.Single(cluster.Letters.SentTo(member.MemberNumber));
        Assert.Equal("PAUL COMET", letter.RecipientName);
        Assert.Equal(member.Address, letter.Address);
        Assert.Equal(10, letter.ProvisionalCode.Length);
        Assert.All(letter.ProvisionalCode, c => Assert.Contains(c, ProvisionalCodes.Alphabet));
        Assert.Equal(cluster.Time.GetUtcNow().AddDays(30), letter.ExpiresAt);

        var account = await cluster.ReadStoredState<AccountState>("account", AccountGrainId(member.MemberNumber));
        Assert.Null(account.PasswordHash);
        Assert.Equal(letter.ExpiresAt, account.ProvisionalCodeExpiresAt);
        var hasher = cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IPasswordHasher>();
        Assert.True((await hasher.VerifyAsync(letter.ProvisionalCode, account.ProvisionalCodeHash!)).Matches);

        var outbox = (await cluster.ReadStoredState<Grains.Enrolments.EnrolmentState>("enrolment", grain.GetGrainId())).Outbox;
        Assert.All(outbox, entry => Assert.Null(entry.Secret));
        (await grain.Start(new StartJourney(member, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.AlreadyEnrolled);
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_the_current_step_and_changes_nothing()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.Start(member);

        var refusal = (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldBeRefused(RefusalCodes.WrongStep);
        Assert.Equal(StepNames.Of(JourneyStep.ConfirmIdentity), refusal.CurrentStep);
        (await grain.SubmitCode(id, "123456")).ShouldBeRefused(RefusalCodes.WrongStep);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldBeRefused(RefusalCodes.WrongStep);
        (await grain.ResendCode(id)).ShouldBeRefused(RefusalCodes.WrongStep);

        Assert.Equal(JourneyStep.ConfirmIdentity, (await grain.Get(id)).ShouldSucceed().Step);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));
    }

    [Fact]
    public async Task An_unknown_journey_id_is_refused()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        (await grain.Get(Guid.NewGuid())).ShouldBeRefused(RefusalCodes.UnknownEnrolment);
        await _driver.Start(member);
        (await grain.ConfirmIdentity(Guid.NewGuid())).ShouldBeRefused(RefusalCodes.UnknownEnrolment);
        (await grain.Get(Guid.Empty)).ShouldBeRefused(RefusalCodes.UnknownEnrolment);
    }

    [Fact]
    public async Task Start_refuses_a_member_record_of_another_key_and_a_bad_email()
    {
        var member = TestMembers.Next();
        var other = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        (await grain.Start(new StartJourney(other, JourneyDriver.Email, false))).ShouldBeRefused(RefusalCodes.Validation);
        var refusal = (await grain.Start(new StartJourney(member, "not an e-mail", false))).ShouldBeRefused(RefusalCodes.Validation);
        Assert.Contains("email", refusal.Errors!.Keys);
        (await grain.Start(null!)).ShouldBeRefused(RefusalCodes.Validation);
    }

    [Fact]
    public async Task Missing_values_are_refused_as_answers_not_failures()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtMemberNumber(member);
        (await grain.SubmitMemberNumber(id, null!)).ShouldBeRefused(RefusalCodes.MemberNumberMismatch);
        (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed();
        (await grain.SubmitCode(id, null!)).ShouldBeRefused(RefusalCodes.CodeMismatch);
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(member.MobilePhone!))).ShouldSucceed();
        (await grain.CreatePassword(id, null!, null!)).ShouldBeRefused(RefusalCodes.Validation);

        // A channel that is neither SMS nor letter, at the step that offers the choice.
        var withoutPhone = TestMembers.Next(withPhone: false);
        var choosing = await _driver.Start(withoutPhone);
        (await _driver.GrainOf(withoutPhone).ConfirmIdentity(choosing)).ShouldSucceed();
        var refusal = (await _driver.GrainOf(withoutPhone).ChooseChannel(choosing, (DeliveryChannel)42)).ShouldBeRefused(RefusalCodes.Validation);
        Assert.Contains("channel", refusal.Errors!.Keys);
        Assert.Equal(JourneyStep.ChooseChannel, (await _driver.GrainOf(withoutPhone).Get(choosing)).ShouldSucceed().Step);
    }

    private GrainId AccountGrainId(string memberNumber) =>
        cluster.Grains.GetGrain<Interfaces.Accounts.IAccountGrain>(memberNumber).GetGrainId();
}
