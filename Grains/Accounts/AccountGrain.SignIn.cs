using Enrolment.Grains.Limits;
using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Accounts;

/// <summary>The account grain: sign-in: one slow hash per try, the lockout every path that compares a secret goes through, and the failures of numbers without an account.</summary>
public sealed partial class AccountGrain
{
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
}
