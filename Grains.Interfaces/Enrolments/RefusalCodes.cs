namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>The stable, machine-readable <c>code</c> of every problem answer (listed per route in the OpenAPI document, docs/api.md).</summary>
public static class RefusalCodes
{
    public const string Validation = "validation";
    public const string NotIdentified = "not-identified";
    public const string AlreadyEnrolled = "already-enrolled";
    public const string Locked = "locked";
    public const string RateLimited = "rate-limited";
    public const string UnknownEnrolment = "unknown-enrolment";
    public const string EnrolmentExpired = "enrolment-expired";
    public const string EnrolmentVoid = "enrolment-void";
    public const string WrongStep = "wrong-step";
    public const string MemberNumberMismatch = "member-number-mismatch";
    public const string CodeMismatch = "code-mismatch";
    public const string CodeExpired = "code-expired";
    public const string TooManyCodes = "too-many-codes";

    /// <summary>The cluster's hourly ceiling on SMS is reached: no code was created; try later or by letter.</summary>
    public const string SmsCeiling = "sms-ceiling";
    public const string InvalidCredentials = "invalid-credentials";
    public const string UnknownFirstLogin = "unknown-first-login";
    public const string FirstLoginExpired = "first-login-expired";
    public const string UnknownReset = "unknown-reset";
    public const string ResetExpired = "reset-expired";
}
