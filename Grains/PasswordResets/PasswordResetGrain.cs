using Enrolment.Grains.Accounts;
using Enrolment.Grains.Codes;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Passwords;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// "J'ai perdu mon mot de passe" for one member number: a code by SMS then a new password, or a new letter with
/// a provisional code. A request that matches no account (unknown number, wrong birth date) becomes a decoy that
/// answers in the same shape and whose code never matches. Same code rules and send limits as the enrolment.
/// </summary>
public sealed partial class PasswordResetGrain(
    [PersistentState("password-reset", StorageNames.Store)] IPersistentState<PasswordResetState> reset,
    IPasswordHasher hasher,
    DummySecretHash dummyHash,
    OutboxDelivery delivery,
    TimeProvider time,
    IOptions<AccountOptions> accountOptions,
    IOptions<EnrolmentOptions> enrolmentOptions,
    ILogger<PasswordResetGrain> logger) : Grain, IPasswordResetGrain
{
    private readonly AccountOptions _accounts = accountOptions.Value;
    private readonly EnrolmentOptions _codes = enrolmentOptions.Value;

    private PasswordResetState State => reset.State;

    private string MemberNumber => this.GetPrimaryKeyString();

    private IAccountGrain Account => GrainFactory.GetGrain<IAccountGrain>(MemberNumber);

    public async Task<ResetOutcome> Start(DateOnly birthDate)
    {
        var now = time.GetUtcNow();
        var limits = new CodeSendLimits(int.MaxValue, _codes.CodesPerMember, _codes.CodesPerMemberWindow, _codes.CodeSpacing);
        var verdict = limits.Check(State.Sends, 0, now);
        if (!verdict.IsAllowed)
        {
            return ResetOutcome.Refused(new Refusal(RefusalCodes.TooManyCodes, RetryAfterSeconds: verdict.RetryAfterSeconds));
        }

        var member = await GrainFactory.GetGrain<IMemberDirectoryGrain>(0).Get(MemberNumber);
        var genuine = member is not null && member.BirthDate == birthDate && await Account.Exists();
        var phone = genuine ? await Account.GetVerifiedPhone() ?? PhoneNumbers.MobileOrNull(member!.MobilePhone) : null;
        if (await SmsCeilingRefusal(genuine, phone, birthDate, now) is { } ceiling)
        {
            return ResetOutcome.Refused(ceiling);
        }

        CancelQueuedSms(now);
        State.ResetId = Guid.NewGuid();
        State.LastStepAt = now;
        State.VoidReason = null;
        State.Code = null;
        State.MaskedPhone = null;
        State.IsDecoy = !genuine;
        State.FingerprintKey = CommandFingerprint.NewKey();
        State.LastCommand = null;
        State.Sends = limits.Prune(State.Sends, now);
        State.Sends.Add(now);

        if (genuine)
        {
            if (phone is not null)
            {
                IssueSmsCode(phone, now);
            }
            else
            {
                await IssueLetter(member!, now);
            }
        }
        else
        {
            await StartDecoy(birthDate, now);
        }

        await SaveAsync();

        // Delivered right after this answer, not before it: waiting for the SMS provider here would make a real
        // request answer later than a decoy, and so tell which numbers and birth dates match.
        ScheduleRetry(now);
        return ResetOutcome.Success(View());
    }

    public Task<ResetOutcome> Get(Guid resetId) =>
        Task.FromResult(Refusal(resetId, time.GetUtcNow()) is { } refusal ? ResetOutcome.Refused(refusal) : ResetOutcome.Success(View()));

    public async Task<ResetOutcome> SubmitCode(Guid resetId, string code)
    {
        var now = time.GetUtcNow();
        var fingerprint = CommandFingerprint.Of(State.FingerprintKey, nameof(SubmitCode), code);
        if (Refusal(resetId, now) is { } refusal)
        {
            return ResetOutcome.Refused(refusal);
        }

        if (State.LastCommand == fingerprint)
        {
            return ResetOutcome.Success(View());
        }

        if (State.Step != JourneyStep.EnterCode || State.Code is null)
        {
            return ResetOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: State.Step));
        }

        var (verdict, record) = OneTimeCodes.Verify(State.Code, code, now);
        if (State.IsDecoy && verdict == CodeVerdict.Accepted)
        {
            // A decoy's code can never match, even by a one-in-a-million draw.
            verdict = record.AttemptsLeft > 1 ? CodeVerdict.Mismatch : CodeVerdict.Exhausted;
            record = State.Code with { AttemptsLeft = record.AttemptsLeft - 1 };
        }

        State.Code = record;
        switch (verdict)
        {
            case CodeVerdict.Accepted:
                State.Step = JourneyStep.CreatePassword;
                State.LastStepAt = now;
                State.LastCommand = fingerprint;
                Audit(now, "reset-code-accepted");
                await SaveAsync();
                return ResetOutcome.Success(View());
            case CodeVerdict.Mismatch:
                Audit(now, "reset-code-mismatch", $"attemptsLeft={record.AttemptsLeft}");
                await SaveAsync();
                return ResetOutcome.Refused(new Refusal(RefusalCodes.CodeMismatch, AttemptsLeft: record.AttemptsLeft));
            case CodeVerdict.Exhausted:
                State.VoidReason = "code";
                Audit(now, "reset-void", "code");
                await SaveAsync();
                return ResetOutcome.Refused(new Refusal(RefusalCodes.CodeMismatch, AttemptsLeft: 0));
            case CodeVerdict.Expired:
                return ResetOutcome.Refused(new Refusal(RefusalCodes.CodeExpired));
            default:
                return ResetOutcome.Refused(new Refusal(RefusalCodes.ResetExpired));
        }
    }

    public async Task<ResetOutcome> SetPassword(Guid resetId, string password, string passwordConfirmation)
    {
        var now = time.GetUtcNow();
        var fingerprint = CommandFingerprint.Of(State.FingerprintKey, nameof(SetPassword), password, passwordConfirmation);
        if (Refusal(resetId, now) is { } refusal)
        {
            return ResetOutcome.Refused(refusal);
        }

        if (State.LastCommand == fingerprint)
        {
            return ResetOutcome.Success(View());
        }

        if (State.Step != JourneyStep.CreatePassword || State.IsDecoy)
        {
            return ResetOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: State.Step));
        }

        var member = await GrainFactory.GetGrain<IMemberDirectoryGrain>(0).Get(MemberNumber);
        var owner = new PasswordOwner(MemberNumber, member?.BirthDate ?? default, member?.LastName ?? "");
        var errors = PasswordPolicy.Check(password, passwordConfirmation, owner);
        if (errors.Count > 0)
        {
            return ResetOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: errors));
        }

        // The account first: should this grain fail before its own write, a replay sets the same password again.
        await Account.ResetPassword(State.ResetId, await hasher.HashAsync(password));
        State.Step = JourneyStep.Completed;
        State.LastStepAt = now;
        State.LastCommand = fingerprint;
        Audit(now, "password-reset-completed");
        await SaveAsync();
        return ResetOutcome.Success(View());
    }

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>([.. State.Audit]);

    private Refusal? Refusal(Guid resetId, DateTimeOffset now)
    {
        if (!State.Exists || State.ResetId != resetId)
        {
            return new Refusal(RefusalCodes.UnknownReset);
        }

        var finished = State.Step is JourneyStep.Completed or JourneyStep.LetterSent;
        return State.VoidReason is not null || (!finished && State.LastStepAt + _accounts.ResetWindow <= now)
            ? new Refusal(RefusalCodes.ResetExpired)
            : null;
    }

    /// <summary>
    /// The cluster's hourly SMS ceiling, asked before anything changes. A decoy that would show a phone asks too,
    /// so that past the ceiling it answers exactly like a genuine request by SMS.
    /// </summary>
    private async Task<Refusal?> SmsCeilingRefusal(bool genuine, string? phone, DateOnly birthDate, DateTimeOffset now)
    {
        if (!genuine && State.DecoyKey.Length == 0)
        {
            State.DecoyKey = DecoyReset.NewKey();
            await reset.WriteStateAsync();
        }

        var bySms = genuine ? phone is not null : DecoyReset.MaskedPhone(State.DecoyKey, birthDate) is not null;
        return bySms ? await SmsCeiling.TryTakeAsync(GrainFactory, now) : null;
    }

    private void IssueSmsCode(string phone, DateTimeOffset now)
    {
        var (code, record) = OneTimeCodes.Issue(_codes.CodeLength, _codes.CodeLifetime, _codes.CodeAttempts, now);
        State.Code = record;
        State.Step = JourneyStep.EnterCode;
        State.MaskedPhone = PhoneNumbers.Mask(phone);
        QueueSms(phone, code, record.ExpiresAt, now);
        Audit(now, "reset-started", "sms");
    }

    private async Task IssueLetter(MemberRecord member, DateTimeOffset now)
    {
        var code = ProvisionalCodes.Generate(_codes.ProvisionalCodeLength);
        var expiresAt = now + _accounts.ProvisionalCodeLifetime;
        await Account.IssueProvisionalCode(State.ResetId, await hasher.HashAsync(code), expiresAt);
        State.Step = JourneyStep.LetterSent;
        QueueLetter(member, code, expiresAt, now);
        Audit(now, "reset-started", "letter");
    }

    private async Task StartDecoy(DateOnly birthDate, DateTimeOffset now)
    {
        if (State.DecoyKey.Length == 0)
        {
            State.DecoyKey = DecoyReset.NewKey();
        }

        State.MaskedPhone = DecoyReset.MaskedPhone(State.DecoyKey, birthDate);
        if (State.MaskedPhone is null)
        {
            // A genuine letter costs one slow hash; so does its decoy.
            await hasher.VerifyAsync(DecoyReset.NewKey(), await dummyHash.GetAsync());
            State.Step = JourneyStep.LetterSent;
        }
        else
        {
            State.Code = OneTimeCodes.Issue(_codes.CodeLength, _codes.CodeLifetime, _codes.CodeAttempts, now).Record;
            State.Step = JourneyStep.EnterCode;
        }

        Audit(now, "reset-unmatched");
        logger.LogInformation("Lost-password request matched no account; answered with a decoy");
    }

    private ResetView View() =>
        new(State.ResetId, State.Step, State.MaskedPhone, State.Step == JourneyStep.EnterCode ? State.Code?.ExpiresAt : null);

    private Task SaveAsync() => this.SaveOrMakeWayAsync(reset);

    private void Audit(DateTimeOffset at, string kind, string? detail = null) =>
        AuditTrail.Append(State.Audit, new AuditEvent(at, kind, detail), _accounts.AuditTrailLength);
}
