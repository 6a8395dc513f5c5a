using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Operations;
using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Accounts;

/// <summary>
/// A member's credentials (key: the ten-digit member number): created by the enrolment, then sign-in with lockout
/// (<c>AccountGrain.SignIn.cs</c>), first login with a provisional code (<c>.FirstLogin.cs</c>), the changes a
/// lost-password request makes (<c>.Passwords.cs</c>) and the FranceConnect link (<c>.FranceConnect.cs</c>); this
/// file holds creation, sessions and what every part shares. Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", StorageNames.Store)] IPersistentState<AccountState> stored,
    IPasswordHasher hasher,
    DummySecretHash dummyHash,
    TimeProvider time,
    ProductMetrics metrics,
    IOptions<AccountOptions> options,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    private readonly AccountOptions _options = options.Value;

    private AccountState State => stored.State;

    private string MemberNumber => this.GetPrimaryKeyString();

    public Task<bool> Exists()
    {
        if (!State.Exists)
        {
            // Every journey's start asks: an activation holding no account would only take memory while the journey
            // is open (a number's failures without an account live in UnknownNumberTallyGrain, not here).
            this.DeactivateOnIdle();
        }

        return Task.FromResult(State.Exists);
    }

    public async Task Create(NewAccount account)
    {
        if (State.Exists)
        {
            if (State.EnrolmentJourneyId != account.EnrolmentJourneyId)
            {
                logger.LogWarning("Account creation refused: the account already exists from another enrolment");
            }

            return;
        }

        var now = time.GetUtcNow();
        State.EnrolmentJourneyId = account.EnrolmentJourneyId;
        State.FullName = account.FullName;
        State.Email = account.Email;
        State.Newsletter = account.Newsletter;
        State.NewsletterConsentAt = account.NewsletterConsentAt;
        State.PhoneMarketingOptOut = account.PhoneMarketingOptOut;
        State.VerifiedPhone = account.NewPhone;
        State.PasswordHash = account.PasswordHash;
        State.ProvisionalCodeHash = account.ProvisionalCodeHash;
        State.ProvisionalCodeExpiresAt = account.ProvisionalCodeHash is null
            ? null
            : account.ProvisionalCodeExpiresAt ?? now + _options.ProvisionalCodeLifetime;
        State.FranceConnectSubject = account.FranceConnectSubject;
        State.CreatedAt = now;
        Lockout.Reset(State.Lockout);
        Audit(now, AuditKinds.AccountCreated, account.CredentialKind);
        await SaveAsync();
    }

    public Task<AccountProfile?> GetProfile() => Task.FromResult(State.Exists ? Profile() : null);

    public Task<AccountProfile?> GetSession(Guid sessionId) =>
        Task.FromResult(State.Exists && !State.EndedSessions.ContainsKey(sessionId) ? Profile() : null);

    public async Task EndSession(Guid sessionId, DateTimeOffset cookieExpiresAt)
    {
        var now = time.GetUtcNow();
        if (!State.Exists || State.EndedSessions.ContainsKey(sessionId))
        {
            return;
        }

        foreach (var expired in State.EndedSessions.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            State.EndedSessions.Remove(expired);
        }

        State.EndedSessions[sessionId] = cookieExpiresAt;
        Audit(now, AuditKinds.SignedOut);
        await SaveAsync();
    }

    public Task<string?> GetVerifiedPhone() => Task.FromResult(State.Exists ? State.VerifiedPhone : null);

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>([.. State.Audit]);

    /// <summary>The password rules, with the member's birth date and last name from the directory.</summary>
    private async Task<IReadOnlyDictionary<string, string[]>> PolicyErrors(string password, string passwordConfirmation)
    {
        var member = await GrainFactory.GetGrain<IMemberDirectoryGrain>(0).Get(MemberNumber);
        var owner = new PasswordOwner(MemberNumber, member?.BirthDate ?? default, member?.LastName ?? "");
        return PasswordPolicy.Check(password, passwordConfirmation, owner);
    }

    private AccountProfile Profile() => new(MemberNumber, State.FullName, State.Email, State.SessionEpoch);

    private Task SaveAsync() => this.SaveOrMakeWayAsync(stored);

    private void Audit(DateTimeOffset at, string kind, string? detail = null) =>
        AuditTrail.Append(State.Audit, new AuditEvent(at, kind, detail), _options.AuditTrailLength);
}
