namespace Enrolment.Grains.Accounts;

/// <summary>Sign-in, first-login and lost-password rules (configuration section <c>Accounts</c>).</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Failures in a row before sign-in locks.</summary>
    public int LockoutThreshold { get; set; } = 5;

    /// <summary>The first lock; each further failure doubles it.</summary>
    public TimeSpan LockoutBase { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan LockoutMax { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a provisional access code sent by letter stays good (enrolment and lost password).</summary>
    public TimeSpan ProvisionalCodeLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the first-login screen stays open once a provisional code was accepted.</summary>
    public TimeSpan FirstLoginWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A lost-password request expires this long after its last step.</summary>
    public TimeSpan ResetWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after a password step succeeded (first login, enrolment, reset) a call with the same body is answered
    /// as its replay; later, or with another body, it is not, and inside it a different password counts as a failure.
    /// </summary>
    public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a lost-password request for a number no member has stays in memory after its last call (nothing is stored).</summary>
    public TimeSpan UnknownNumberMemory { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many numbers without an account the cluster remembers (their sign-in failures and lost-password sends,
    /// in memory): about 120 to 220 bytes each (docs/accounts.md), least recently used forgotten first.
    /// </summary>
    public int UnknownNumbersKept { get; set; } = 500_000;

    /// <summary>Audit events kept per account, enrolment or reset, newest kept.</summary>
    public int AuditTrailLength { get; set; } = 200;

    /// <summary>Whether every rule is in range: a zero or negative limit would open or shut sign-in for everyone.</summary>
    public static bool AreSound(AccountOptions o) =>
        o.LockoutThreshold >= 1
        && o.LockoutBase > TimeSpan.Zero
        && o.LockoutMax >= o.LockoutBase
        && o.ProvisionalCodeLifetime > TimeSpan.Zero
        && o.FirstLoginWindow > TimeSpan.Zero
        && o.ResetWindow > TimeSpan.Zero
        && o.ReplayWindow > TimeSpan.Zero
        && o.UnknownNumberMemory > TimeSpan.Zero
        && o.UnknownNumbersKept >= 1
        && o.AuditTrailLength >= 1;
}
