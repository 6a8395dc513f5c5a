namespace Enrolment.Grains.Accounts;

/// <summary>
/// The account's credentials as a small state machine. Each transition says in one place what it keeps and what it
/// ends, so that no caller forgets a field:
/// <list type="table">
/// <item><term><see cref="ReplacePassword"/></term><description>first login done or reset by SMS: the password is the only secret; the code and any open first login die; every session ends; the lock lifts.</description></item>
/// <item><term><see cref="IssueProvisionalCode"/></term><description>reset by letter: a new code beside the password, which keeps working; an open first login dies.</description></item>
/// <item><term><see cref="OpenFirstLogin"/></term><description>a code accepted: a first login opens, never beyond the code's expiry; the lock lifts.</description></item>
/// </list>
/// </summary>
public sealed partial class AccountState
{
    public void ReplacePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        ProvisionalCodeHash = null;
        ProvisionalCodeExpiresAt = null;
        CloseFirstLogin();
        SessionEpoch++;
        Accounts.Lockout.Reset(Lockout);
    }

    public void IssueProvisionalCode(string provisionalCodeHash, DateTimeOffset expiresAt)
    {
        ProvisionalCodeHash = provisionalCodeHash;
        ProvisionalCodeExpiresAt = expiresAt;
        CloseFirstLogin();
    }

    /// <summary>Opens a fresh first login until <paramref name="endsAt"/> or the code's expiry, whichever comes first.</summary>
    public Guid OpenFirstLogin(DateTimeOffset endsAt)
    {
        FirstLoginId = Guid.NewGuid();
        FirstLoginExpiresAt = endsAt < ProvisionalCodeExpiresAt ? endsAt : ProvisionalCodeExpiresAt;
        Accounts.Lockout.Reset(Lockout);
        return FirstLoginId.Value;
    }

    private void CloseFirstLogin()
    {
        FirstLoginId = null;
        FirstLoginExpiresAt = null;
    }
}
