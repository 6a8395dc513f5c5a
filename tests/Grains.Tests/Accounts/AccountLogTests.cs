using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Tests.Fixtures;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>Sign-in, first login and lost password leave no password, code, phone or e-mail in the logs.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountLogTests(ClusterFixture fixture)
{
    private const string NewPassword = "Automne2026rouge";

    [Fact]
    public async Task Sign_ins_first_logins_and_lost_passwords_leave_no_secret_in_the_logs()
    {
        var member = await MemberWithPassword(fixture);
        var account = AccountOf(fixture, member);
        for (var i = 0; i < 6; i++)
        {
            await account.SignIn("Mauvais2024mot");
        }

        await fixture.Advance(TimeSpan.FromMinutes(1));
        await account.SignIn(Password);

        fixture.Sms.FailFor(member.MobilePhone!, 1);
        var reset = fixture.Grains.GetGrain<IPasswordResetGrain>(member.MemberNumber);
        var resetId = (await reset.Start(member.BirthDate)).View!.ResetId;

        // The first try follows the answer. The clock moves once it failed and its turn (which arms the retry) ended:
        // a call to the grain waits for that turn.
        await Eventually.True(() => Task.FromResult(fixture.Sms.TriesTo(member.MobilePhone!) == 1), "first try");
        await reset.Get(resetId);
        await fixture.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => Task.FromResult(fixture.Sms.SentTo(member.MobilePhone!).Count == 1), "retried SMS");
        var code = await CodeSentTo(fixture, member.MobilePhone!);
        await reset.SubmitCode(resetId, code);
        await reset.SetPassword(resetId, NewPassword, NewPassword);

        var letterMember = await MemberWithPassword(fixture, withPhone: false);
        await fixture.Grains.GetGrain<IPasswordResetGrain>(letterMember.MemberNumber).Start(letterMember.BirthDate);
        var provisional = (await LetterSentTo(fixture, letterMember.MemberNumber)).ProvisionalCode;
        var letterAccount = AccountOf(fixture, letterMember);
        var firstLogin = await letterAccount.SignIn(provisional);
        await letterAccount.CompleteFirstLogin(firstLogin.FirstLoginId!.Value, new FirstLoginRequest("nouvelle@example.fr", NewPassword, NewPassword));

        var logs = string.Join('\n', fixture.Logs.Lines);
        Assert.Contains("Sign-in locked", logs, StringComparison.Ordinal);
        foreach (var secret in new[] { Password, "Mauvais2024mot", NewPassword, code, provisional, member.MobilePhone!, Email, "nouvelle@example.fr" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
