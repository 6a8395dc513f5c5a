using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.FranceConnect;
using Enrolment.Grains.Limits;
using Enrolment.Grains.Operations;
using Enrolment.Grains.Passwords;
using Orleans.Runtime;

namespace Enrolment.Grains.Accounts;

/// <summary>
/// A member's credentials (key: the ten-digit member number): sign-in with lockout, first login with a
/// provisional code, and the changes a lost-password request makes. Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed class AccountGrain(
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

    public async Task<SignInOutcome> SignIn(string secret, CancellationToken cancellationToken = default)
    {
        var outcome = await CheckSignIn(secret, cancellationToken);
        metrics.SignIn(outcome.Refusal?.Code ?? "signed-in");
        return outcome;
    }

    private async Task<SignInOutcome> CheckSignIn(string secret, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!State.Exists)
        {
            await LoadUnknownNumberFailures();
        }

        if (LockRefusal(now) is { } locked)
        {
            return SignInOutcome.Refused(locked);
        }

        // Exactly one slow hash, whatever the account holds: a number without an account, or a secret that matches
        // nothing, costs the same as a wrong password, so timing tells nothing about the account.
        var (hash, typed, isCode) = SecretToCheck(secret);
        var check = await hasher.VerifyAsync(typed, hash ?? await dummyHash.GetAsync(), cancellationToken);
        if (hash is null || !check.Matches)
        {
            return await Fail(now);
        }

        return isCode ? await AcceptProvisionalCode(now) : await SignedInWithPassword(secret, check, now);
    }

    public Task<FirstLoginOutcome> GetFirstLogin(Guid firstLoginId)
    {
        var refusal = FirstLoginRefusal(firstLoginId, time.GetUtcNow());
        return Task.FromResult(new FirstLoginOutcome(refusal is null ? State.Email : null, refusal));
    }

    public async Task<SignInOutcome> CompleteFirstLogin(Guid firstLoginId, FirstLoginRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (LockRefusal(now) is { } locked)
        {
            return SignInOutcome.Refused(locked);
        }

        if (State.Exists && State.CompletedFirstLoginId == firstLoginId)
        {
            return await FirstLoginReplay(request, now);
        }

        if (FirstLoginRefusal(firstLoginId, now) is { } refusal)
        {
            return SignInOutcome.Refused(refusal);
        }

        var errors = await PolicyErrors(request.Password, request.PasswordConfirmation);
        if (errors.Count > 0)
        {
            return SignInOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: errors));
        }

        var hash = await hasher.HashAsync(request.Password, cancellationToken);
        if (!string.Equals(State.Email, request.Email, StringComparison.OrdinalIgnoreCase))
        {
            State.Email = request.Email;
            Audit(now, AuditKinds.EmailChanged);
        }

        State.ReplacePassword(hash);
        State.CompletedFirstLoginId = firstLoginId;
        State.CompletedFirstLoginFingerprint = FirstLoginFingerprint(request);
        State.CompletedFirstLoginAt = now;
        Audit(now, AuditKinds.FirstLoginCompleted);
        await SaveAsync();
        return SignInOutcome.SignedIn(Profile());
    }

    public async Task<Refusal?> CheckReplay(bool matches)
    {
        var now = time.GetUtcNow();
        if (LockRefusal(now) is { } locked)
        {
            return locked;
        }

        if (!matches)
        {
            await RecordFailureAsync(now, "replay");
        }

        return null;
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

    public async Task<bool> ResetPassword(Guid resetId, string passwordHash, string passwordFingerprint)
    {
        if (!State.Exists || State.LastResetId == resetId)
        {
            // A retry after an error is the same request: it succeeds again only with the password already set.
            return State.Exists && State.LastResetFingerprint == passwordFingerprint;
        }

        State.LastResetId = resetId;
        State.LastResetFingerprint = passwordFingerprint;
        State.ReplacePassword(passwordHash);
        Audit(time.GetUtcNow(), AuditKinds.PasswordReset, "sms");
        await SaveAsync();
        return true;
    }

    public async Task IssueProvisionalCode(Guid resetId, string provisionalCodeHash, DateTimeOffset expiresAt)
    {
        if (!State.Exists || State.LastResetId == resetId)
        {
            return;
        }

        // The old password keeps working until the first login with the new code: a stranger who knows a
        // member number and birth date must not be able to lock the member out by asking for a letter.
        State.LastResetId = resetId;
        State.IssueProvisionalCode(provisionalCodeHash, expiresAt);
        Audit(time.GetUtcNow(), AuditKinds.ProvisionalCodeIssued, "letter");
        await SaveAsync();
    }

    public async Task<Refusal?> AddPassword(string password, string passwordConfirmation, CancellationToken cancellationToken = default)
    {
        if (!State.Exists)
        {
            return new Refusal(RefusalCodes.InvalidCredentials);
        }

        var errors = State.PasswordHash is null
            ? await PolicyErrors(password, passwordConfirmation)
            : new Dictionary<string, string[]> { ["password"] = ["Votre compte a déjà un mot de passe."] };
        if (errors.Count > 0)
        {
            return new Refusal(RefusalCodes.Validation, Errors: errors);
        }

        State.PasswordHash = await hasher.HashAsync(password, cancellationToken);
        Audit(time.GetUtcNow(), AuditKinds.PasswordCreated, "my-space");
        await SaveAsync();
        return null;
    }

    public Task<SignInMethods> GetSignInMethods() =>
        Task.FromResult(new SignInMethods(State.PasswordHash is not null, State.Exists ? State.FranceConnectSubject : null));

    public async Task<string?> RecordFranceConnectLink(string subject)
    {
        var previous = State.FranceConnectSubject;
        if (!State.Exists || previous == subject)
        {
            return null;
        }

        State.FranceConnectSubject = subject;
        Audit(time.GetUtcNow(), FranceConnectAuditKinds.Linked);
        await SaveAsync();
        return previous;
    }

    public async Task ForgetFranceConnectLink(string subject)
    {
        if (!State.Exists || State.FranceConnectSubject != subject)
        {
            return;
        }

        State.FranceConnectSubject = null;
        Audit(time.GetUtcNow(), FranceConnectAuditKinds.Unlinked);
        await SaveAsync();
    }

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>([.. State.Audit]);

    private async Task<SignInOutcome> SignedInWithPassword(string secret, SecretCheck check, DateTimeOffset now)
    {
        if (check.NeedsRehash)
        {
            State.PasswordHash = await hasher.HashAsync(secret);
            Audit(now, AuditKinds.PasswordRehashed);
        }

        Lockout.Reset(State.Lockout);
        Audit(now, AuditKinds.SignedIn);
        await SaveAsync();
        return SignInOutcome.SignedIn(Profile());
    }

    private async Task<SignInOutcome> AcceptProvisionalCode(DateTimeOffset now)
    {
        if (State.ProvisionalCodeExpiresAt <= now)
        {
            Audit(now, AuditKinds.ProvisionalCodeExpired);
            await SaveAsync();
            return SignInOutcome.Refused(new Refusal(RefusalCodes.FirstLoginExpired));
        }

        // Accepting the code again before first login ends opens a fresh first login; the code itself dies
        // only once a password replaces it, so a member who closed the page is not sent back to the post.
        var firstLoginId = State.OpenFirstLogin(now + _options.FirstLoginWindow);
        Audit(now, AuditKinds.ProvisionalCodeAccepted);
        await SaveAsync();
        return SignInOutcome.FirstLogin(firstLoginId);
    }

    /// <summary>
    /// While a letter code is pending beside a password, a secret shaped like a code is checked against the code and
    /// any other against the password: one hash either way, never both.
    /// </summary>
    private (string? Hash, string Typed, bool IsCode) SecretToCheck(string secret) =>
        State.ProvisionalCodeHash is { } codeHash && (State.PasswordHash is null || ProvisionalCodes.CouldBe(secret))
            ? (codeHash, ProvisionalCodes.Normalise(secret), true)
            : (State.PasswordHash, secret, false);

    /// <summary>
    /// A first login completed is answered again to the same body for <see cref="AccountOptions.ReplayWindow"/>;
    /// another body in that window is a wrong guess and counts as one. Later nothing is compared at all.
    /// </summary>
    private async Task<SignInOutcome> FirstLoginReplay(FirstLoginRequest request, DateTimeOffset now)
    {
        var unknown = SignInOutcome.Refused(new Refusal(RefusalCodes.UnknownFirstLogin));
        if (State.CompletedFirstLoginAt is not { } completedAt || now - completedAt > _options.ReplayWindow)
        {
            return unknown;
        }

        if (State.CompletedFirstLoginFingerprint == FirstLoginFingerprint(request))
        {
            return SignInOutcome.SignedIn(Profile());
        }

        await RecordFailureAsync(now, "first-login-replay");
        return unknown;
    }

    /// <summary>A keyed fingerprint (HMAC), fast to compare and useless without this account's key.</summary>
    private string FirstLoginFingerprint(FirstLoginRequest request)
    {
        if (State.ReplayKey.Length == 0)
        {
            State.ReplayKey = CommandFingerprint.NewKey();
        }

        return CommandFingerprint.Of(State.ReplayKey, "first-login", request.Email, request.Password, request.PasswordConfirmation);
    }

    private Refusal? LockRefusal(DateTimeOffset now) =>
        Lockout.RetryAfterSeconds(State.Lockout, now) is { } retryAfter
            ? new Refusal(RefusalCodes.Locked, RetryAfterSeconds: retryAfter)
            : null;

    private async Task<SignInOutcome> Fail(DateTimeOffset now)
    {
        await RecordFailureAsync(now, null);
        return SignInOutcome.Refused(new Refusal(RefusalCodes.InvalidCredentials));
    }

    /// <summary>One more failure in a row, from sign-in or from a password step replayed with another body.</summary>
    private async Task RecordFailureAsync(DateTimeOffset now, string? source)
    {
        Lockout.RecordFailure(State.Lockout, now, _options);
        var retryAfter = Lockout.RetryAfterSeconds(State.Lockout, now);
        if (retryAfter is not null)
        {
            logger.LogInformation("Sign-in locked for {Seconds} s after {Failures} failures", retryAfter, State.Lockout.FailuresInARow);
        }

        if (!State.Exists)
        {
            // Nothing is stored for a number without an account: its count lives in the cluster's memory, as long
            // as a real account keeps its own (UnknownNumberTallyGrain).
            var (share, number) = UnknownNumbers.TallyOf(GrainFactory, MemberNumber);
            await share.SetSignInFailures(number, State.Lockout.FailuresInARow, State.Lockout.LockedUntil);
            return;
        }

        var detail = $"failures={State.Lockout.FailuresInARow}" + (source is null ? "" : $";{source}");
        Audit(now, retryAfter is null ? AuditKinds.SignInFailed : AuditKinds.SignInLocked, detail);
        await SaveAsync();
    }

    /// <summary>The failures of a number without an account, wherever its earlier tries were counted.</summary>
    private async Task LoadUnknownNumberFailures()
    {
        var (share, number) = UnknownNumbers.TallyOf(GrainFactory, MemberNumber);
        var tally = await share.Get(number);
        State.Lockout.FailuresInARow = tally.SignInFailures;
        State.Lockout.LockedUntil = tally.LockedUntil;
    }

    private Refusal? FirstLoginRefusal(Guid firstLoginId, DateTimeOffset now)
    {
        if (!State.Exists || State.FirstLoginId != firstLoginId)
        {
            return new Refusal(RefusalCodes.UnknownFirstLogin);
        }

        return State.FirstLoginExpiresAt <= now || State.ProvisionalCodeExpiresAt <= now
            ? new Refusal(RefusalCodes.FirstLoginExpired)
            : null;
    }

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
