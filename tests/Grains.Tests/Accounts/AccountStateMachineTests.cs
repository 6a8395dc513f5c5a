using Enrolment.Grains.Accounts;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>What each credential transition keeps and ends, from an account holding everything at once.</summary>
public sealed class AccountStateMachineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid OpenFirstLogin = Guid.NewGuid();

    public static TheoryData<string, bool, bool, bool, bool, bool> Transitions => new()
    {
        // transition,             old password, code, first login open, sessions end, lock lifts
        { "replace-password",       false,        false, false,           true,         true },
        { "issue-provisional-code", true,         true,  false,           false,        false },
        { "open-first-login",       true,         true,  true,            false,        true },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Each_transition_keeps_and_ends_what_its_row_says(
        string transition, bool keepsOldPassword, bool hasCode, bool firstLoginOpen, bool sessionsEnd, bool lockLifts)
    {
        var account = EverythingAtOnce();

        Apply(account, transition);

        Assert.Equal(keepsOldPassword, account.PasswordHash == "old-password");
        Assert.Equal(hasCode, account.ProvisionalCodeHash is not null && account.ProvisionalCodeExpiresAt is not null);
        Assert.Equal(firstLoginOpen, account.FirstLoginId is not null && account.FirstLoginExpiresAt is not null);
        Assert.NotEqual(OpenFirstLogin, account.FirstLoginId);
        Assert.Equal(sessionsEnd ? 4 : 3, account.SessionEpoch);
        Assert.Equal(lockLifts, account.Lockout is { FailuresInARow: 0, LockedUntil: null });
    }

    [Fact]
    public void A_first_login_never_outlives_its_code()
    {
        var account = EverythingAtOnce();
        account.ProvisionalCodeExpiresAt = Now.AddMinutes(10);

        account.OpenFirstLogin(Now.AddMinutes(30));

        Assert.Equal(Now.AddMinutes(10), account.FirstLoginExpiresAt);
    }

    private static void Apply(AccountState account, string transition)
    {
        switch (transition)
        {
            case "replace-password": account.ReplacePassword("new-password"); break;
            case "issue-provisional-code": account.IssueProvisionalCode("new-code", Now.AddDays(30)); break;
            case "open-first-login": account.OpenFirstLogin(Now.AddMinutes(30)); break;
            default: throw new ArgumentOutOfRangeException(nameof(transition), transition, null);
        }
    }

    private static AccountState EverythingAtOnce() => new()
    {
        EnrolmentJourneyId = Guid.NewGuid(),
        PasswordHash = "old-password",
        ProvisionalCodeHash = "old-code",
        ProvisionalCodeExpiresAt = Now.AddDays(30),
        FirstLoginId = OpenFirstLogin,
        FirstLoginExpiresAt = Now.AddMinutes(20),
        SessionEpoch = 3,
        Lockout = new LockoutState { FailuresInARow = 5, LockedUntil = Now.AddMinutes(1) },
    };
}
