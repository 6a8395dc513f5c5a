using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>A change the database did not store did not happen: the caller sees an error, then the account as before.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountStorageFailureTests(ClusterFixture fixture)
{
    private const string NewPassword = "Printemps2026vert";

    [Fact]
    public async Task A_first_login_whose_write_fails_leaves_the_code_working_and_the_password_unset()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var account = AccountOf(fixture, member);
        var firstLoginId = (await account.SignIn(ProvisionalCode)).FirstLoginId!.Value;

        fixture.Storage.FailWrites(account.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest(Email, NewPassword, NewPassword)));

        Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn(NewPassword)).Refusal?.Code);
        var again = await account.SignIn(ProvisionalCode);
        Assert.Equal(SignInStatus.FirstLoginRequired, again.Status);
        Assert.Equal(SignInStatus.SignedIn, (await account.CompleteFirstLogin(again.FirstLoginId!.Value, new FirstLoginRequest(Email, NewPassword, NewPassword))).Status);
    }

    [Fact]
    public async Task A_lost_password_request_whose_write_fails_sends_nothing_and_can_be_made_again()
    {
        var member = await MemberWithPassword(fixture);
        var reset = fixture.Grains.GetGrain<IPasswordResetGrain>(member.MemberNumber);

        fixture.Storage.FailWrites(reset.GetGrainId(), 1);
        await Assert.ThrowsAnyAsync<Exception>(() => reset.Start(member.BirthDate));

        Assert.Empty(fixture.Sms.SentTo(member.MobilePhone!));
        var started = await reset.Start(member.BirthDate);
        Assert.Equal(ResetStep.EnterCode, started.View?.Step);
        Assert.Equal(ResetStep.CreatePassword, (await reset.SubmitCode(started.View!.ResetId, await CodeSentTo(fixture, member.MobilePhone!))).View?.Step);
    }
}
