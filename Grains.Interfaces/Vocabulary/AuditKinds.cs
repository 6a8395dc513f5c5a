namespace Enrolment.Grains.Interfaces.Vocabulary;

/// <summary>The kinds of audit event support reads (docs/enrolment.md and docs/accounts.md list them by flow).</summary>
public static class AuditKinds
{
    public const string AccountCreated = "account-created";
    public const string AccountCreationRetry = "account-creation-retry";
    public const string ChannelChosen = "channel-chosen";
    public const string CodeAccepted = "code-accepted";
    public const string CodeExpired = "code-expired";
    public const string CodeIssued = "code-issued";
    public const string CodeMismatch = "code-mismatch";
    public const string CodeRefused = "code-refused";
    public const string EmailChanged = "email-changed";
    public const string FirstLoginCompleted = "first-login-completed";
    public const string IdentityConfirmed = "identity-confirmed";
    public const string JourneyStarted = "journey-started";
    public const string JourneySuperseded = "journey-superseded";
    public const string JourneyVoid = "journey-void";
    public const string LetterFailed = "letter-failed";
    public const string LetterQueued = "letter-queued";
    public const string LetterRetry = "letter-retry";
    public const string LetterSent = "letter-sent";
    public const string Locked = "locked";
    public const string MemberNumberAccepted = "member-number-accepted";
    public const string MemberNumberMismatch = "member-number-mismatch";
    public const string PasswordCreated = "password-created";
    public const string PasswordRefused = "password-refused";
    public const string PasswordRehashed = "password-rehashed";
    public const string PasswordReset = "password-reset";
    public const string PasswordResetCompleted = "password-reset-completed";
    public const string PhoneConfirmed = "phone-confirmed";
    public const string PhoneDeclined = "phone-declined";
    public const string PhoneEntered = "phone-entered";
    public const string ProvisionalCodeAccepted = "provisional-code-accepted";
    public const string ProvisionalCodeExpired = "provisional-code-expired";
    public const string ProvisionalCodeIssued = "provisional-code-issued";
    public const string ResetCodeAccepted = "reset-code-accepted";
    public const string ResetCodeMismatch = "reset-code-mismatch";
    public const string ResetStarted = "reset-started";
    public const string ResetUnmatched = "reset-unmatched";
    public const string ResetVoid = "reset-void";
    public const string SignInFailed = "sign-in-failed";
    public const string SignInLocked = "sign-in-locked";
    public const string SignedIn = "signed-in";
    public const string SignedOut = "signed-out";
    public const string SmsCancelled = "sms-cancelled";
    public const string SmsFailed = "sms-failed";
    public const string SmsRetry = "sms-retry";
    public const string SmsSent = "sms-sent";
    public const string StartRefused = "start-refused";
}
