using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Tests.Fixtures;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>
/// Every call that compares a password goes through the account's lockout: a password step called again after it
/// succeeded (first login, enrolment, lost password) is no way around the lock, and a wrong guess there counts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PasswordOracleTests(ClusterFixture fixture)
{
    private const string NewPassword = "Printemps2026vert";
    private const string Guess = "Hiver2026gris";
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromMinutes(5);

    private readonly JourneyDriver _driver = new(fixture);

    [Fact]
    public async Task A_first_login_replayed_while_sign_in_is_locked_opens_no_session()
    {
        var (account, firstLoginId, request) = await FirstLoginDone();
        await LockSignIn(account);

        var replay = await account.CompleteFirstLogin(firstLoginId, request);

        Assert.Equal(RefusalCodes.Locked, replay.Refusal?.Code);
        Assert.Null(replay.Profile);
    }

    [Fact]
    public async Task First_login_replays_with_other_passwords_count_as_failures_and_lock_sign_in()
    {
        var (account, firstLoginId, request) = await FirstLoginDone();

        for (var i = 0; i < 5; i++)
        {
            var guess = await account.CompleteFirstLogin(firstLoginId, request with { Password = Guess + i, PasswordConfirmation = Guess + i });
            Assert.Equal(RefusalCodes.UnknownFirstLogin, guess.Refusal?.Code);
        }

        Assert.Equal(RefusalCodes.Locked, (await account.SignIn(NewPassword)).Refusal?.Code);
        Assert.Equal(RefusalCodes.Locked, (await account.CompleteFirstLogin(firstLoginId, request)).Refusal?.Code);
    }

    [Fact]
    public async Task A_first_login_replay_is_recognised_only_for_a_few_minutes()
    {
        var (account, firstLoginId, request) = await FirstLoginDone();
        Assert.Equal(SignInStatus.SignedIn, (await account.CompleteFirstLogin(firstLoginId, request)).Status);

        await fixture.Advance(ReplayWindow + TimeSpan.FromSeconds(1));

        Assert.Equal(RefusalCodes.UnknownFirstLogin, (await account.CompleteFirstLogin(firstLoginId, request)).Refusal?.Code);
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(NewPassword)).Status);
    }

    [Fact]
    public async Task The_enrolment_password_step_after_completion_counts_wrong_guesses_and_obeys_the_lock()
    {
        var (member, journeyId) = await EnrolmentDone();
        var enrolment = _driver.GrainOf(member);

        for (var i = 0; i < 5; i++)
        {
            (await enrolment.CreatePassword(journeyId, Guess + i, Guess + i)).ShouldBeRefused(RefusalCodes.WrongStep);
        }

        (await enrolment.CreatePassword(journeyId, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldBeRefused(RefusalCodes.Locked);
        Assert.Equal(RefusalCodes.Locked, (await AccountOf(fixture, member).SignIn(JourneyDriver.GoodPassword)).Refusal?.Code);
    }

    [Fact]
    public async Task The_enrolment_password_step_is_answered_as_a_replay_only_for_a_few_minutes()
    {
        var (member, journeyId) = await EnrolmentDone();
        var enrolment = _driver.GrainOf(member);
        Assert.Equal(JourneyStep.Completed, (await enrolment.CreatePassword(journeyId, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed().Step);

        await fixture.Advance(ReplayWindow + TimeSpan.FromSeconds(1));

        (await enrolment.CreatePassword(journeyId, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldBeRefused(RefusalCodes.WrongStep);
        (await enrolment.CreatePassword(journeyId, Guess, Guess)).ShouldBeRefused(RefusalCodes.WrongStep);
        Assert.Equal(SignInStatus.SignedIn, (await AccountOf(fixture, member).SignIn(JourneyDriver.GoodPassword)).Status);
    }

    [Fact]
    public async Task The_reset_password_step_after_completion_counts_wrong_guesses_and_obeys_the_lock()
    {
        var (member, reset, resetId) = await ResetAtNewPassword();
        Assert.Equal(ResetStep.Completed, (await reset.SetPassword(resetId, NewPassword, NewPassword)).View?.Step);
        Assert.Equal(ResetStep.Completed, (await reset.SetPassword(resetId, NewPassword, NewPassword)).View?.Step);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusalCodes.WrongStep, (await reset.SetPassword(resetId, Guess + i, Guess + i)).Refusal?.Code);
        }

        Assert.Equal(RefusalCodes.Locked, (await reset.SetPassword(resetId, NewPassword, NewPassword)).Refusal?.Code);
        Assert.Equal(RefusalCodes.Locked, (await AccountOf(fixture, member).SignIn(NewPassword)).Refusal?.Code);
    }

    [Fact]
    public async Task A_reset_retried_with_another_password_after_an_error_is_refused_and_the_first_one_stands()
    {
        var (member, reset, resetId) = await ResetAtNewPassword();

        fixture.Storage.FailWrites(reset.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => reset.SetPassword(resetId, NewPassword, NewPassword));
        var retry = await reset.SetPassword(resetId, Guess, Guess);

        Assert.Equal(RefusalCodes.WrongStep, retry.Refusal?.Code);
        Assert.Equal(RefusalCodes.InvalidCredentials, (await AccountOf(fixture, member).SignIn(Guess)).Refusal?.Code);
        Assert.Equal(SignInStatus.SignedIn, (await AccountOf(fixture, member).SignIn(NewPassword)).Status);
    }

    [Fact]
    public async Task A_reset_retried_with_the_same_password_after_an_error_succeeds()
    {
        var (member, reset, resetId) = await ResetAtNewPassword();

        fixture.Storage.FailWrites(reset.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => reset.SetPassword(resetId, NewPassword, NewPassword));

        Assert.Equal(ResetStep.Completed, (await reset.SetPassword(resetId, NewPassword, NewPassword)).View?.Step);
        Assert.Equal(SignInStatus.SignedIn, (await AccountOf(fixture, member).SignIn(NewPassword)).Status);
    }

    private static async Task LockSignIn(IAccountGrain account)
    {
        for (var i = 0; i < 5; i++)
        {
            await account.SignIn(Guess + i);
        }

        Assert.Equal(RefusalCodes.Locked, (await account.SignIn(Guess)).Refusal?.Code);
    }

    private async Task<(IAccountGrain Account, Guid FirstLoginId, FirstLoginRequest Request)> FirstLoginDone()
    {
        var account = AccountOf(fixture, await MemberWithProvisionalCode(fixture));
        var firstLoginId = (await account.SignIn(ProvisionalCode)).FirstLoginId!.Value;
        var request = new FirstLoginRequest(Email, NewPassword, NewPassword);
        Assert.Equal(SignInStatus.SignedIn, (await account.CompleteFirstLogin(firstLoginId, request)).Status);
        return (account, firstLoginId, request);
    }

    private async Task<(MemberRecord Member, Guid JourneyId)> EnrolmentDone()
    {
        var member = TestMembers.Next();
        var journeyId = await _driver.AtCreatePassword(member);
        (await _driver.GrainOf(member).CreatePassword(journeyId, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();
        Assert.True(await AccountOf(fixture, member).Exists());
        return (member, journeyId);
    }

    private async Task<(MemberRecord Member, IPasswordResetGrain Reset, Guid ResetId)> ResetAtNewPassword()
    {
        var member = await MemberWithPassword(fixture);
        var reset = fixture.Grains.GetGrain<IPasswordResetGrain>(member.MemberNumber);
        var resetId = (await reset.Start(member.BirthDate)).View!.ResetId;
        Assert.Equal(ResetStep.CreatePassword, (await reset.SubmitCode(resetId, await CodeSentTo(fixture, member.MobilePhone!))).View?.Step);
        return (member, reset, resetId);
    }
}
