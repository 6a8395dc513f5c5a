using Enrolment.Grains.Accounts;
using Enrolment.Grains.Enrolments;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// What a lost-password request obeys. Set nowhere of its own: the code rules are the enrolment's
/// (section <c>Enrolment</c>), the request window and letters the accounts' (section <c>Accounts</c>).
/// </summary>
public sealed class PasswordResetOptions
{
    public CodeRules Codes { get; set; } = new EnrolmentOptions().Codes;

    /// <summary>A request expires this long after its last step.</summary>
    public TimeSpan Window { get; set; }

    /// <summary>How long after the new password a replay of that step is still recognised (the accounts' rule).</summary>
    public TimeSpan ReplayWindow { get; set; }

    /// <summary>
    /// How long a number no member has is remembered after its last request (its decoy and send count, never
    /// stored): the accounts' memory of unknown numbers, and never less than a request's window.
    /// </summary>
    public TimeSpan UnknownNumberMemory { get; set; }

    public int ProvisionalCodeLength { get; set; }

    public TimeSpan ProvisionalCodeLifetime { get; set; }

    public int AuditTrailLength { get; set; }

    public void From(EnrolmentOptions enrolment, AccountOptions accounts)
    {
        Codes = enrolment.Codes;
        Window = accounts.ResetWindow;
        ReplayWindow = accounts.ReplayWindow;
        UnknownNumberMemory = accounts.UnknownNumberMemory > Window ? accounts.UnknownNumberMemory : Window;
        ProvisionalCodeLength = enrolment.ProvisionalCodeLength;
        ProvisionalCodeLifetime = accounts.ProvisionalCodeLifetime;
        AuditTrailLength = accounts.AuditTrailLength;
    }
}
