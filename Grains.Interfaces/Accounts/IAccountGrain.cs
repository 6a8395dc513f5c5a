using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>
/// A member's credentials once enrolled, keyed by the normalised ten-digit member number.
/// Created by the enrolment; used by sign-in, first login and lost password.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<bool> Exists();

    /// <summary>Creates the account at the end of an enrolment; a second call with the same enrolment is a no-op.</summary>
    Task Create(NewAccount account);

    /// <summary>
    /// Checks a password or a provisional access code. Failures in a row lock sign-in for a while;
    /// a member number without an account answers exactly like a wrong secret.
    /// </summary>
    Task<SignInOutcome> SignIn(string secret, CancellationToken cancellationToken = default);

    /// <summary>What the first-login screen shows once a provisional code was accepted: the e-mail on file.</summary>
    Task<FirstLoginOutcome> GetFirstLogin(Guid firstLoginId);

    /// <summary>Ends first login: e-mail confirmed or replaced, password created; the provisional code dies.</summary>
    Task<SignInOutcome> CompleteFirstLogin(Guid firstLoginId, FirstLoginRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// The account's lockout for a password step called again after it succeeded (the enrolment's, the reset's):
    /// <c>locked</c> while sign-in is locked, whatever the body; otherwise null, and a body that did not match the
    /// success counts as a failed sign-in.
    /// </summary>
    Task<Refusal?> CheckReplay(bool matches);

    /// <summary>The signed-in member's profile, or null when there is no account.</summary>
    Task<AccountProfile?> GetProfile();

    /// <summary>The profile behind one session cookie, or null once that session was signed out (or there is no account).</summary>
    Task<AccountProfile?> GetSession(Guid sessionId);

    /// <summary>Sign-out: the session's cookie, and any copy of it, stops working; kept in mind until the cookie would expire.</summary>
    Task EndSession(Guid sessionId, DateTimeOffset cookieExpiresAt);

    /// <summary>The mobile to send a lost-password code to: the one proven at enrolment, else null.</summary>
    Task<string?> GetVerifiedPhone();

    /// <summary>
    /// Lost password by SMS: the new password replaces the old one and every session ends. The same request again
    /// with the same password fingerprint changes nothing and answers true; with another password it answers false.
    /// </summary>
    Task<bool> ResetPassword(Guid resetId, string passwordHash, string passwordFingerprint);

    /// <summary>Lost password by letter: a new provisional code, good for a first login; the password still works until then.</summary>
    Task IssueProvisionalCode(Guid resetId, string provisionalCodeHash, DateTimeOffset expiresAt);

    /// <summary>« Mon espace »: whether a password is set, and the FranceConnect identity linked, if any.</summary>
    Task<SignInMethods> GetSignInMethods();

    /// <summary>
    /// « Mon espace », an account that signs in with FranceConnect alone: a first password, under the same rules as
    /// at enrolment. Null once set; a refusal (validation) when the account already has one or the rules fail.
    /// Sessions stay: nothing the member had is replaced.
    /// </summary>
    Task<Refusal?> AddPassword(string password, string passwordConfirmation, CancellationToken cancellationToken = default);

    /// <summary>The link grain records its link here too; answers the identity linked before, if another.</summary>
    Task<string?> RecordFranceConnectLink(string subject);

    /// <summary>The link grain removed its link: the account forgets it (only when it is still that identity).</summary>
    Task ForgetFranceConnectLink(string subject);

    /// <summary>Every sign-in, failure, lock, first login and reset of this account, oldest first; never a secret.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrail();
}

/// <summary>
/// What an enrolment hands over: a password hash (SMS path), a provisional code hash (letter path), or neither
/// when the enrolment started from FranceConnect (the account then signs in with it), plus the contact choices.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NewAccount(
    [property: Id(0)] Guid EnrolmentJourneyId,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] bool Newsletter,
    [property: Id(4)] DateTimeOffset? NewsletterConsentAt,
    [property: Id(5)] bool PhoneMarketingOptOut,
    [property: Id(6)] string? NewPhone,
    [property: Id(7)] string? PasswordHash,
    [property: Id(8)] string? ProvisionalCodeHash,
    [property: Id(9)] DateTimeOffset? ProvisionalCodeExpiresAt,
    [property: Id(10)] string? FranceConnectSubject = null)
{
    /// <summary>How the account signs in first, as the audit trails say it.</summary>
    public string CredentialKind => PasswordHash is not null ? "password" : ProvisionalCodeHash is not null ? "provisional-code" : "franceconnect";

    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"NewAccount {{ EnrolmentJourneyId = {EnrolmentJourneyId} }}";
}
