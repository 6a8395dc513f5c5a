namespace Enrolment.LoadTest.Metrics;

/// <summary>The names under which each request of a journey is timed and counted.</summary>
public static class StepNames
{
    public const string Start = "start";
    public const string IdentityConfirmation = "identity-confirmation";
    public const string PhoneConfirmation = "phone-confirmation";
    public const string Channel = "channel";
    public const string Phone = "phone";
    public const string MemberNumber = "member-number";

    /// <summary>The member-number step of a letter journey: it also hashes the provisional code it posts.</summary>
    public const string MemberNumberLetter = "member-number-letter";
    public const string Code = "code";
    public const string Password = "password";
    public const string SignIn = "sign-in";
    public const string FirstLogin = "first-login";
    public const string OutboxRead = "outbox-read";

    /// <summary>In display order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Start, IdentityConfirmation, PhoneConfirmation, Channel, Phone, MemberNumber, MemberNumberLetter, Code, Password,
        SignIn, FirstLogin, OutboxRead,
    ];

    /// <summary>
    /// Steps whose success is written to the database before it is answered: every journey step, and the first
    /// login (which replaces the provisional code by a password). Sign-ins and outbox reads only read.
    /// </summary>
    public static bool IsPersisted(string step) => step is not (SignIn or OutboxRead);
}
