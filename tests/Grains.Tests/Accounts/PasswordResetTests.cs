using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.PasswordResets;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class PasswordResetTests(ClusterFixture fixture)
{
    private const string NewPassword = "Automne2026rouge";
    private static readonly DateOnly BirthDate = new(1985, 8, 1);

    private IPasswordResetGrain Reset(string memberNumber) => fixture.Grains.GetGrain<IPasswordResetGrain>(memberNumber);

    private IAccountGrain Account(string memberNumber) => fixture.Grains.GetGrain<IAccountGrain>(memberNumber);

    [Fact]
    public async Task By_sms_a_code_then_a_new_password_ends_every_session()
    {
        var member = await MemberWithPassword(fixture);
        var epochBefore = (await Account(member.MemberNumber).GetProfile())!.SessionEpoch;

        var started = await Reset(member.MemberNumber).Start(BirthDate);

        Assert.Equal(ResetStep.EnterCode, started.View?.Step);
        Assert.Equal(6, started.View?.CodeLength);
        Assert.Equal(Masked(member.MobilePhone!), started.View?.MaskedPhone);
        var code = await CodeSentTo(fixture, member.MobilePhone!);
        var sms = Assert.Single(fixture.Sms.SentTo(member.MobilePhone!)).Text;
        Assert.DoesNotContain(member.MemberNumber, sms, StringComparison.Ordinal);
        Assert.Contains("5 minutes", sms, StringComparison.Ordinal);
        var resetId = started.View!.ResetId;

        Assert.Equal(ResetStep.CreatePassword, (await Reset(member.MemberNumber).SubmitCode(resetId, code)).View?.Step);
        Assert.Equal(ResetStep.Completed, (await Reset(member.MemberNumber).SetPassword(resetId, NewPassword, NewPassword)).View?.Step);

        Assert.Equal(RefusalCodes.InvalidCredentials, (await Account(member.MemberNumber).SignIn(Password)).Refusal?.Code);
        var signedIn = await Account(member.MemberNumber).SignIn(NewPassword);
        Assert.Equal(SignInStatus.SignedIn, signedIn.Status);
        Assert.True(signedIn.Profile!.SessionEpoch > epochBefore);
    }

    [Fact]
    public async Task A_wrong_code_costs_an_attempt_and_the_third_voids_the_request()
    {
        var member = await MemberWithPassword(fixture);
        var resetId = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;

        var code = await CodeSentTo(fixture, member.MobilePhone!);
        var wrong = new[] { "000000", "000001", "000002", "000003" }.Where(c => c != code).ToArray();

        Assert.Equal(2, (await Reset(member.MemberNumber).SubmitCode(resetId, wrong[0])).Refusal?.AttemptsLeft);
        Assert.Equal(1, (await Reset(member.MemberNumber).SubmitCode(resetId, wrong[1])).Refusal?.AttemptsLeft);
        var third = (await Reset(member.MemberNumber).SubmitCode(resetId, wrong[2])).Refusal;
        Assert.Equal((RefusalCodes.ResetExpired, 0), (third?.Code, third?.AttemptsLeft));

        Assert.Equal(RefusalCodes.ResetExpired, (await Reset(member.MemberNumber).SubmitCode(resetId, code)).Refusal?.Code);
    }

    [Fact]
    public async Task The_code_is_good_for_five_minutes()
    {
        var member = await MemberWithPassword(fixture);
        var resetId = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;
        var code = await CodeSentTo(fixture, member.MobilePhone!);

        await fixture.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(RefusalCodes.CodeExpired, (await Reset(member.MemberNumber).SubmitCode(resetId, code)).Refusal?.Code);
    }

    [Fact]
    public async Task A_replayed_code_answers_the_same_success_and_a_step_out_of_order_is_refused()
    {
        var member = await MemberWithPassword(fixture);
        var resetId = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;
        var code = await CodeSentTo(fixture, member.MobilePhone!);

        var tooEarly = await Reset(member.MemberNumber).SetPassword(resetId, NewPassword, NewPassword);
        var first = await Reset(member.MemberNumber).SubmitCode(resetId, code);
        var replay = await Reset(member.MemberNumber).SubmitCode(resetId, code);

        Assert.Equal(RefusalCodes.WrongStep, tooEarly.Refusal?.Code);
        Assert.Equal(StepNames.Of(ResetStep.EnterCode), tooEarly.Refusal?.CurrentStep);
        Assert.Equal(first, replay);
    }

    [Fact]
    public async Task Codes_are_sent_at_least_30_seconds_apart()
    {
        var member = await MemberWithPassword(fixture);
        await Reset(member.MemberNumber).Start(BirthDate);

        var again = await Reset(member.MemberNumber).Start(BirthDate);

        Assert.Equal(RefusalCodes.TooManyCodes, again.Refusal?.Code);
        Assert.Equal(30, again.Refusal?.RetryAfterSeconds);
    }

    [Fact]
    public async Task A_new_request_voids_the_previous_code()
    {
        var member = await MemberWithPassword(fixture);
        var first = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;
        var firstCode = await CodeSentTo(fixture, member.MobilePhone!);
        await fixture.Advance(TimeSpan.FromSeconds(30));

        var second = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;

        Assert.Equal(RefusalCodes.UnknownReset, (await Reset(member.MemberNumber).SubmitCode(first, firstCode)).Refusal?.Code);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Without_a_phone_a_letter_brings_a_provisional_code_and_first_login_follows()
    {
        var member = await MemberWithPassword(fixture, withPhone: false);
        var epochBefore = (await Account(member.MemberNumber).GetProfile())!.SessionEpoch;

        var started = await Reset(member.MemberNumber).Start(BirthDate);

        Assert.Equal(ResetStep.LetterSent, started.View?.Step);
        Assert.Null(started.View?.MaskedPhone);
        var letter = await LetterSentTo(fixture, member.MemberNumber);
        Assert.Equal(member.Address, letter.Address);

        // Until the first login, the old password still works: asking for a letter locks nobody out.
        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);

        var firstLogin = await Account(member.MemberNumber).SignIn(letter.ProvisionalCode);
        Assert.Equal(SignInStatus.FirstLoginRequired, firstLogin.Status);
        var done = await Account(member.MemberNumber).CompleteFirstLogin(firstLogin.FirstLoginId!.Value, new FirstLoginRequest(Email, NewPassword, NewPassword));
        Assert.True(done.Profile!.SessionEpoch > epochBefore);
        Assert.Equal(RefusalCodes.InvalidCredentials, (await Account(member.MemberNumber).SignIn(Password)).Refusal?.Code);
    }

    [Fact]
    public async Task An_unknown_number_leaves_no_stored_row_yet_its_decoy_goes_on_answering()
    {
        var unknown = "0" + Random.Shared.Next(100_000_000, 999_999_999);
        var grainId = Reset(unknown).GetGrainId();

        var started = await Reset(unknown).Start(BirthDate);

        Assert.True(started.Succeeded);
        Assert.Equal(started.View, (await Reset(unknown).Get(started.View!.ResetId)).View);
        Assert.Equal(0, fixture.Storage.WritesOf(grainId));
        Assert.False((await fixture.ReadStoredState<PasswordResetState>("password-reset", grainId)).Exists);
    }

    [Fact]
    public async Task A_first_decoy_for_a_number_writes_as_often_as_a_real_request()
    {
        var member = await MemberWithPassword(fixture);
        var stranger = await MemberWithPassword(fixture);
        fixture.Sms.Hold(member.MobilePhone!);

        Assert.True((await Reset(member.MemberNumber).Start(BirthDate)).Succeeded);
        Assert.True((await Reset(stranger.MemberNumber).Start(BirthDate.AddDays(1))).Succeeded);

        Assert.Equal(1, fixture.Storage.WritesOf(Reset(member.MemberNumber).GetGrainId()));
        Assert.Equal(1, fixture.Storage.WritesOf(Reset(stranger.MemberNumber).GetGrainId()));
        fixture.Sms.Release(member.MobilePhone!);
    }

    [Fact]
    public async Task A_reset_code_is_covered_by_a_stored_reminder_before_the_answer()
    {
        var member = await MemberWithPassword(fixture);
        var grainId = Reset(member.MemberNumber).GetGrainId();
        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

        // The first try is still in flight when the member reads "sent": should the silo die now, the reminder wakes the grain elsewhere.
        fixture.Sms.Hold(member.MobilePhone!);
        Assert.True((await Reset(member.MemberNumber).Start(BirthDate)).Succeeded);
        Assert.NotNull(await reminders.ReadRow(grainId, PendingWorkReminder.Name));

        fixture.Sms.Release(member.MobilePhone!);
        await CodeSentTo(fixture, member.MobilePhone!);
        await Eventually.True(async () => await reminders.ReadRow(grainId, PendingWorkReminder.Name) is null, "reminder removed once sent");
    }

    [Fact]
    public async Task An_unknown_number_gets_a_decoy_that_sends_nothing_and_whose_code_never_matches()
    {
        var unknown = "0" + Random.Shared.Next(100_000_000, 999_999_999);

        var started = await Reset(unknown).Start(BirthDate);
        var again = await Reset(unknown).Get(started.View!.ResetId);

        Assert.True(started.Succeeded);
        Assert.Equal(started.View, again.View);
        var stored = await fixture.ReadStoredState<PasswordResetState>("password-reset", Reset(unknown).GetGrainId());
        Assert.Empty(stored.Outbox);
        Assert.Empty(fixture.Letters.SentTo(unknown));
        if (started.View.Step == ResetStep.EnterCode)
        {
            Assert.Matches(@"^XX XX XX \d\d \d\d$", started.View.MaskedPhone);
            // Like a genuine request: two wrong codes cost an attempt each, the third voids the request.
            var answers = new List<string?>();
            for (var code = 0; code < 3; code++)
            {
                answers.Add((await Reset(unknown).SubmitCode(started.View.ResetId, $"{code:D6}")).Refusal?.Code);
            }

            Assert.Equal([RefusalCodes.CodeMismatch, RefusalCodes.CodeMismatch, RefusalCodes.ResetExpired], answers);
            Assert.Equal(0, fixture.Storage.WritesOf(Reset(unknown).GetGrainId()));
        }
        else
        {
            Assert.Equal(ResetStep.LetterSent, started.View.Step);
        }
    }

    [Fact]
    public async Task A_wrong_birth_date_gets_the_same_shape_sends_nothing_and_repeats_its_answer()
    {
        var member = await MemberWithPassword(fixture);

        var first = await Reset(member.MemberNumber).Start(new DateOnly(1985, 8, 2));
        await fixture.Advance(TimeSpan.FromSeconds(30));
        var second = await Reset(member.MemberNumber).Start(new DateOnly(1985, 8, 2));

        Assert.Empty(fixture.Sms.SentTo(member.MobilePhone!));
        Assert.Empty((await fixture.ReadStoredState<PasswordResetState>("password-reset", Reset(member.MemberNumber).GetGrainId())).Outbox);
        Assert.Equal(first.View!.Step, second.View!.Step);
        Assert.Equal(first.View.MaskedPhone, second.View.MaskedPhone);
        Assert.NotEqual(first.View.ResetId, second.View.ResetId);
        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);
    }

    [Fact]
    public async Task A_decoy_never_reaches_the_password_step()
    {
        var member = await MemberWithPassword(fixture);
        var decoy = await Reset(member.MemberNumber).Start(new DateOnly(1990, 1, 1));

        var outcome = await Reset(member.MemberNumber).SetPassword(decoy.View!.ResetId, NewPassword, NewPassword);

        Assert.Equal(RefusalCodes.WrongStep, outcome.Refusal?.Code);
        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);
    }

    [Fact]
    public async Task A_new_password_breaking_the_rules_is_refused_with_the_rule()
    {
        var member = await MemberWithPassword(fixture);
        var resetId = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;
        await Reset(member.MemberNumber).SubmitCode(resetId, await CodeSentTo(fixture, member.MobilePhone!));

        var outcome = await Reset(member.MemberNumber).SetPassword(resetId, "abc", "abc");

        Assert.Equal(RefusalCodes.Validation, outcome.Refusal?.Code);
        Assert.True(outcome.Refusal!.Errors!.ContainsKey("password"));
        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);
    }

    [Fact]
    public async Task The_request_expires_30_minutes_after_its_last_step()
    {
        var member = await MemberWithPassword(fixture);
        var resetId = (await Reset(member.MemberNumber).Start(BirthDate)).View!.ResetId;
        await Reset(member.MemberNumber).SubmitCode(resetId, await CodeSentTo(fixture, member.MobilePhone!));

        await fixture.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(RefusalCodes.ResetExpired, (await Reset(member.MemberNumber).SetPassword(resetId, NewPassword, NewPassword)).Refusal?.Code);
    }
}
