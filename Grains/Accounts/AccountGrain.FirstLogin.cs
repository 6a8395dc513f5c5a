using Enrolment.Grains.Enrolments;

namespace Enrolment.Grains.Accounts;

/// <summary>The account grain: the first login of an account made with a provisional code: e-mail confirmed, password chosen, replay recognised.</summary>
public sealed partial class AccountGrain
{
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
}
