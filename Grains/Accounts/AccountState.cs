namespace Enrolment.Grains.Accounts;

/// <summary>
/// One member's account as stored. A number that has no account is never stored: its failed sign-ins live in the
/// activation's memory (<see cref="AccountOptions.UnknownNumberMemory"/>), so that it locks exactly like a real one.
/// </summary>
[GenerateSerializer]
public sealed partial class AccountState
{
    /// <summary>The enrolment that created the account; empty while there is no account.</summary>
    [Id(0)] public Guid EnrolmentJourneyId { get; set; }

    [Id(1)] public string FullName { get; set; } = "";

    [Id(2)] public string Email { get; set; } = "";

    [Id(3)] public bool Newsletter { get; set; }

    [Id(4)] public DateTimeOffset? NewsletterConsentAt { get; set; }

    [Id(5)] public bool PhoneMarketingOptOut { get; set; }

    /// <summary>The mobile the member typed and proved by SMS during enrolment, if any.</summary>
    [Id(6)] public string? VerifiedPhone { get; set; }

    [Id(7)] public string? PasswordHash { get; set; }

    [Id(8)] public string? ProvisionalCodeHash { get; set; }

    [Id(9)] public DateTimeOffset? ProvisionalCodeExpiresAt { get; set; }

    /// <summary>The first login opened by the last accepted provisional code.</summary>
    [Id(10)] public Guid? FirstLoginId { get; set; }

    [Id(11)] public DateTimeOffset? FirstLoginExpiresAt { get; set; }

    /// <summary>The first login last completed, so that a replay of it answers the same success.</summary>
    [Id(12)] public Guid? CompletedFirstLoginId { get; set; }

    [Id(13)] public LockoutState Lockout { get; set; } = new();

    /// <summary>Bumped whenever the password is replaced: sessions minted under an older epoch end.</summary>
    [Id(14)] public int SessionEpoch { get; set; } = 1;

    /// <summary>The lost-password request last applied, so that a retried call changes nothing twice.</summary>
    [Id(15)] public Guid? LastResetId { get; set; }

    [Id(16)] public DateTimeOffset CreatedAt { get; set; }

    [Id(17)] public List<AuditEvent> Audit { get; set; } = [];

    /// <summary>Sessions signed out, until their cookies would have expired anyway.</summary>
    [Id(18)] public Dictionary<Guid, DateTimeOffset> EndedSessions { get; set; } = [];

    /// <summary>Random key of this account for fingerprinting replayed password steps (HMAC, not a slow hash).</summary>
    [Id(19)] public string ReplayKey { get; set; } = "";

    /// <summary>Fingerprint of the first login completed, and when: its replay is recognised for a few minutes.</summary>
    [Id(20)] public string? CompletedFirstLoginFingerprint { get; set; }

    [Id(21)] public DateTimeOffset? CompletedFirstLoginAt { get; set; }

    /// <summary>Fingerprint of the password the last lost-password request set, so that a retry with another is refused.</summary>
    [Id(22)] public string? LastResetFingerprint { get; set; }

    /// <summary>The FranceConnect identity (<c>sub</c>) linked to this account, if any; the link grain keyed by it points back here.</summary>
    [Id(23)] public string? FranceConnectSubject { get; set; }

    public bool Exists => EnrolmentJourneyId != Guid.Empty;
}
