using Enrolment.Grains.Interfaces.FranceConnect;
using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Enrolments;

/// <summary>
/// How a journey ends with an account: a password (step 7) or a provisional code posted by letter. The account is
/// first recorded as pending in this grain's state, then created by the account grain (idempotent per journey), so
/// that a crash between the two writes is repaired by the next activation.
/// </summary>
public sealed partial class EnrolmentGrain
{
    public Task<StepOutcome> CreatePassword(Guid journeyId, string password, string passwordConfirmation, CancellationToken cancellationToken = default)
    {
        // Once the journey is complete, a replay is recognised by a keyed fingerprint for a few minutes only, and
        // goes through the account's lockout: this step must not become a way to try passwords.
        var command = new StepCommand<Journey>("password", [password, passwordConfirmation], Secret: new(
            journey => journey is { Step: JourneyStep.Completed, PasswordHash: not null },
            _accounts.ReplayWindow,
            matches => GrainFactory.GetGrain<IAccountGrain>(MemberNumber).CheckReplay(matches)));
        return RunStep(journeyId, JourneyStep.CreatePassword, command, async (journey, now) =>
        {
            var owner = new PasswordOwner(MemberNumber, journey.Member.BirthDate, journey.Member.LastName);
            var errors = PasswordPolicy.Check(password, passwordConfirmation, owner);
            if (errors.Count > 0)
            {
                Audit(AuditKinds.PasswordRefused, string.Join(',', errors.Keys));
                return Done(StepOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: errors)));
            }

            var hash = await hasher.HashAsync(password, cancellationToken);
            journey.CreatePassword(hash);
            State.Enrolled = true;
            State.PendingAccount = AccountFor(journey, now, hash, null, null);
            Audit(AuditKinds.PasswordCreated);
            return Done(StepOutcome.Success(ViewOf(journey)), FinishPendingWorkAsync);
        });
    }

    /// <summary>The letter path: the account exists at once with a provisional code, and the letter carries that code.</summary>
    private async Task<StepResult<StepOutcome>> PostLetter(Journey journey, DateTimeOffset now)
    {
        var code = ProvisionalCodes.Generate(_options.ProvisionalCodeLength);
        var expiresAt = now + _accounts.ProvisionalCodeLifetime;
        var hash = await hasher.HashAsync(code);
        journey.PostLetter();
        State.Enrolled = true;
        State.PendingAccount = AccountFor(journey, now, null, hash, expiresAt);
        var entry = Outbox.Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Letter,
            Secret = code,
            RecipientName = journey.Member.FullName,
            Address = journey.Member.Address,
            CodeExpiresAt = expiresAt,
        }, journey.Id, now);
        Audit(AuditKinds.LetterQueued, $"expiresAt={expiresAt:O};message={entry.MessageId}");
        return Done(StepOutcome.Success(ViewOf(journey)), FinishPendingWorkAsync);
    }

    /// <summary>From FranceConnect: the account signs in with it alone, so there is no password or code to make.</summary>
    private StepResult<StepOutcome> LinkFranceConnect(Journey journey, DateTimeOffset now)
    {
        journey.LinkFranceConnect();
        State.Enrolled = true;
        State.PendingAccount = AccountFor(journey, now, null, null, null);
        Audit(FranceConnectAuditKinds.Enrolled);
        return Done(StepOutcome.Success(ViewOf(journey)), FinishPendingWorkAsync);
    }

    private static NewAccount AccountFor(Journey journey, DateTimeOffset now, string? passwordHash, string? provisionalHash, DateTimeOffset? provisionalExpiresAt) => new(
        journey.Id,
        journey.Member.FullName,
        journey.Email,
        journey.Newsletter,
        journey.Newsletter ? journey.StartedAt : null,
        journey.PhoneMarketingOptOut,
        journey.IsNewPhone ? journey.Phone : null,
        passwordHash,
        provisionalHash,
        provisionalExpiresAt,
        journey.FranceConnectSubject);

    /// <summary>Creates the pending account when due; false when there was nothing to do.</summary>
    private async Task<bool> CreatePendingAccountAsync(DateTimeOffset now)
    {
        if (State.PendingAccount is not { } account || State.NextAccountAttemptAt > now)
        {
            return false;
        }

        try
        {
            await GrainFactory.GetGrain<IAccountGrain>(MemberNumber).Create(account);
            if (account.FranceConnectSubject is { } subject)
            {
                await GrainFactory.GetGrain<IFranceConnectLinkGrain>(subject).Link(MemberNumber);
            }

            State.PendingAccount = null;
            State.AccountCreationAttempts = 0;
            State.NextAccountAttemptAt = null;
            Audit(AuditKinds.AccountCreated, account.CredentialKind);
        }
        catch (Exception exception)
        {
            // The member was told the step succeeded: keep trying, with backoff, until the account grain agrees.
            State.AccountCreationAttempts++;
            State.NextAccountAttemptAt = now + delivery.Backoff(State.AccountCreationAttempts);
            Audit(AuditKinds.AccountCreationRetry, exception.GetType().Name);
        }

        return true;
    }
}
