using System.Diagnostics;
using Enrolment.Grains.Accounts;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Limits;
using Enrolment.Grains.Passwords;
using Orleans.Runtime;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// "J'ai perdu mon mot de passe" for one member number: a code by SMS then a new password, or a new letter with
/// a provisional code. A request that matches no account (unknown number, wrong birth date) becomes a decoy that
/// answers in the same shape and whose code never matches. Same code engine (<see cref="CodeRules"/>) and step
/// pipeline (<see cref="StepPipeline{TFlow,TStep,TOutcome}"/>) as the enrolment.
/// </summary>
public sealed partial class PasswordResetGrain(
    [PersistentState("password-reset", StorageNames.Store)] IPersistentState<PasswordResetState> reset,
    IPasswordHasher hasher,
    DummySecretHash dummyHash,
    ResetPacing pacing,
    DecoySecret decoySecret,
    OutboxDelivery delivery,
    TimeProvider time,
    IOptions<PasswordResetOptions> options,
    ILogger<PasswordResetGrain> logger) : PendingWorkGrain, IPasswordResetGrain
{
    private readonly PasswordResetOptions _options = options.Value;
    private StepPipeline<PasswordResetState, ResetStep, ResetOutcome>? _steps;
    private bool _unknownNumber;

    private PasswordResetState State => reset.State;

    private string MemberNumber => this.GetPrimaryKeyString();

    private IAccountGrain Account => GrainFactory.GetGrain<IAccountGrain>(MemberNumber);

    private StepPipeline<PasswordResetState, ResetStep, ResetOutcome> Steps => _steps ??= new(
        new StepHooks<PasswordResetState, ResetOutcome>(
            Resolve,
            _ => ResetOutcome.Success(View()),
            ResetOutcome.Refused,
            (outcome, _) => outcome.Succeeded,
            SaveAsync,
            () => Work.ScheduleNow()),
        time,
        logger);

    public async Task<ResetOutcome> Start(DateOnly birthDate)
    {
        var startedAt = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var member = await GrainFactory.GetGrain<IMemberDirectoryGrain>(0).Get(MemberNumber);
        var unknownNumber = _unknownNumber = member is null;
        var tally = UnknownNumbers.TallyOf(GrainFactory, MemberNumber);
        if (unknownNumber)
        {
            // The cluster's tally, not this activation, holds an unknown number's sends: they last as a member's do.
            State.Sends = [.. (await tally.Share.Get(tally.Number)).ResetSends];
        }

        if (_options.Codes.SendRefusal(State.Sends, 0, now, out _) is { } tooMany)
        {
            return ResetOutcome.Refused(tooMany);
        }

        var genuine = member is not null && member.BirthDate == birthDate && await Account.Exists();
        var phone = genuine ? await Account.GetVerifiedPhone() ?? FrenchMobile.MobileOrNull(member!.MobilePhone) : null;
        if (!genuine && State.DecoyKey.Length == 0)
        {
            State.DecoyKey = DecoyReset.KeyOf(await decoySecret.GetAsync(), MemberNumber);
        }

        if (await SmsCeilingRefusal(genuine, phone, birthDate, now) is { } ceiling)
        {
            if (!unknownNumber)
            {
                // The decoy's key is kept even though nothing else changes, so the next answer stays the same.
                await reset.WriteStateAsync();
            }

            return ResetOutcome.Refused(ceiling);
        }

        CancelQueuedSms();
        State.ResetId = Guid.NewGuid();
        State.LastStepAt = now;
        State.VoidReason = null;
        State.Code = null;
        State.MaskedPhone = null;
        State.IsDecoy = !genuine;
        State.FingerprintKey = CommandFingerprint.NewKey();
        State.LastCommand = null;
        State.Sends = _options.Codes.RecordSend(State.Sends, now);

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

        if (unknownNumber)
        {
            // A number no member has leaves no row: its current request lives in this activation for a while, its
            // sends in the cluster's tally, and its decoy's digits come back from the cluster's secret.
            await tally.Share.SetResetSends(tally.Number, [.. State.Sends], new DecoyRequest(State.ResetId, State.Step, State.MaskedPhone, now));
            DelayDeactivation(_options.UnknownNumberMemory);
        }
        else
        {
            await SaveAsync();
        }

        // Delivered right after this answer, not before it: waiting for the SMS provider here would make a real
        // request answer later than a decoy, and so tell which numbers and birth dates match. The reminder is
        // stored first, so that a silo dying during the first try cannot lose the message.
        await Work.RescheduleAsync();
        await PaceAsync(genuine, startedAt);
        return ResetOutcome.Success(View());
    }

    /// <summary>
    /// A number no member has keeps no row: once its activation is gone, its last decoy comes back from the cluster's
    /// tally, so that its id still answers as a member's request would (expired, or the letter "sent").
    /// </summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await base.OnActivateAsync(cancellationToken);
        if (State.Exists)
        {
            return;
        }

        var (share, number) = UnknownNumbers.TallyOf(GrainFactory, MemberNumber);
        if ((await share.Get(number)).LastReset is not { } last)
        {
            return;
        }

        _unknownNumber = true;
        State.ResetId = last.ResetId;
        State.Step = last.Step;
        State.MaskedPhone = last.MaskedPhone;
        State.LastStepAt = last.StartedAt;
        State.IsDecoy = true;
        State.Code = last.Step == ResetStep.EnterCode ? _options.Codes.Issue(last.StartedAt).Record : null;
    }

    public Task<ResetOutcome> Get(Guid resetId) =>
        Task.FromResult(Resolve(resetId, time.GetUtcNow()).Refusal is { } refusal ? ResetOutcome.Refused(refusal) : ResetOutcome.Success(View()));

    public Task<ResetOutcome> SubmitCode(Guid resetId, string code) =>
        Steps.RunAsync(resetId, ResetStep.EnterCode, new StepCommand<PasswordResetState>(nameof(SubmitCode), [code]), (state, now) =>
        {
            if (state.Code is null)
            {
                return Done(ResetOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: StepNames.Of(state.Step))));
            }

            var (verdict, record) = CodeRules.Check(state.Code, code, now);
            if (state.IsDecoy && verdict == CodeVerdict.Accepted)
            {
                // A decoy's code can never match, even by a one-in-a-million draw.
                verdict = record.AttemptsLeft > 1 ? CodeVerdict.Mismatch : CodeVerdict.Exhausted;
                record = state.Code with { AttemptsLeft = record.AttemptsLeft - 1 };
            }

            state.Code = record;
            switch (verdict)
            {
                case CodeVerdict.Accepted:
                    state.Step = ResetStep.CreatePassword;
                    Audit(AuditKinds.ResetCodeAccepted);
                    return Done(ResetOutcome.Success(View()));
                case CodeVerdict.Mismatch:
                    Audit(AuditKinds.ResetCodeMismatch, $"attemptsLeft={record.AttemptsLeft}");
                    return Done(ResetOutcome.Refused(CodeRules.RefusalFor(verdict, record)!));
                case CodeVerdict.Exhausted:
                    Audit(AuditKinds.ResetCodeMismatch, "attemptsLeft=0");
                    return Done(VoidRequest());
                case CodeVerdict.Expired:
                    return Done(ResetOutcome.Refused(CodeRules.RefusalFor(verdict, record)!));
                default:
                    return Done(ResetOutcome.Refused(new Refusal(RefusalCodes.ResetExpired, AttemptsLeft: 0)));
            }
        });

    public Task<ResetOutcome> SetPassword(Guid resetId, string password, string passwordConfirmation, CancellationToken cancellationToken = default)
    {
        // Once the reset is complete, a replay is recognised for a few minutes only, through the account's lockout.
        var command = new StepCommand<PasswordResetState>(nameof(SetPassword), [password, passwordConfirmation], Secret: new(
            state => state.Step == ResetStep.Completed,
            _options.ReplayWindow,
            Account.CheckReplay));
        return Steps.RunAsync(resetId, ResetStep.CreatePassword, command, async (state, _) =>
        {
            if (state.IsDecoy)
            {
                return Done(ResetOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: StepNames.Of(state.Step))));
            }

            var member = await GrainFactory.GetGrain<IMemberDirectoryGrain>(0).Get(MemberNumber);
            var owner = new PasswordOwner(MemberNumber, member?.BirthDate ?? default, member?.LastName ?? "");
            var errors = PasswordPolicy.Check(password, passwordConfirmation, owner);
            if (errors.Count > 0)
            {
                return Done(ResetOutcome.Refused(new Refusal(RefusalCodes.Validation, Errors: errors)));
            }

            // The account first: should this grain fail before its own write, a retry with the same password
            // succeeds again, and one with another password is refused (the first one was set).
            var fingerprint = CommandFingerprint.Of(state.FingerprintKey, "new-password", password);
            var applied = await Account.ResetPassword(state.ResetId, await hasher.HashAsync(password, cancellationToken), fingerprint);
            state.Step = ResetStep.Completed;
            if (!applied)
            {
                Audit(AuditKinds.PasswordResetCompleted, "retry-refused");
                return Done(ResetOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: StepNames.Of(state.Step))));
            }

            Audit(AuditKinds.PasswordResetCompleted);
            return Done(ResetOutcome.Success(View()));
        });
    }

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>([.. State.Audit]);

    private static StepResult<ResetOutcome> Done(ResetOutcome outcome) => new(outcome);

    /// <summary>The current request when <paramref name="resetId"/> names it and it may go on; else why not.</summary>
    private (PasswordResetState? Flow, Refusal? Refusal) Resolve(Guid resetId, DateTimeOffset now)
    {
        if (!State.Exists || State.ResetId != resetId)
        {
            return (null, new Refusal(RefusalCodes.UnknownReset));
        }

        return State.VoidReason is not null || (!State.IsFinished && State.LastStepAt + _options.Window <= now)
            ? (null, new Refusal(RefusalCodes.ResetExpired))
            : (State, null);
    }

    /// <summary>The third wrong code ends the request, as it ends an enrolment: this call and every later one answer it is over.</summary>
    private ResetOutcome VoidRequest()
    {
        State.VoidReason = "code";
        State.Code = null;
        CancelQueuedSms();
        Audit(AuditKinds.ResetVoid, "code");
        return ResetOutcome.Refused(new Refusal(RefusalCodes.ResetExpired, AttemptsLeft: 0));
    }

    /// <summary>
    /// The cluster's hourly SMS ceiling, asked before anything changes. A decoy that would show a phone asks too,
    /// so that past the ceiling it answers exactly like a genuine request by SMS, but takes no slot: only SMS that
    /// leave count, so random member numbers cannot use up the hour for everyone.
    /// </summary>
    private async Task<Refusal?> SmsCeilingRefusal(bool genuine, string? phone, DateOnly birthDate, DateTimeOffset now)
    {
        if (genuine)
        {
            return phone is null ? null : await PhoneSmsCap.TryTakeAsync(GrainFactory, phone) ?? await SmsCeiling.TryTakeAsync(GrainFactory, now);
        }

        return DecoyReset.MaskedPhone(State.DecoyKey, birthDate) is null ? null : await SmsCeiling.CheckAsync(GrainFactory, now);
    }

    private void IssueSmsCode(string phone, DateTimeOffset now)
    {
        var (code, record) = _options.Codes.Issue(now);
        State.Code = record;
        State.Step = ResetStep.EnterCode;
        State.MaskedPhone = FrenchMobile.Mask(phone);
        QueueSms(phone, code, record.ExpiresAt, now);
        Audit(AuditKinds.ResetStarted, "sms");
    }

    private async Task IssueLetter(MemberRecord member, DateTimeOffset now)
    {
        var code = ProvisionalCodes.Generate(_options.ProvisionalCodeLength);
        var expiresAt = now + _options.ProvisionalCodeLifetime;
        await Account.IssueProvisionalCode(State.ResetId, await hasher.HashAsync(code), expiresAt);
        State.Step = ResetStep.LetterSent;
        QueueLetter(member, code, expiresAt, now);
        Audit(AuditKinds.ResetStarted, "letter");
    }

    private async Task StartDecoy(DateOnly birthDate, DateTimeOffset now)
    {
        State.MaskedPhone = DecoyReset.MaskedPhone(State.DecoyKey, birthDate);
        if (State.MaskedPhone is null)
        {
            // A genuine letter costs one slow hash; so does its decoy.
            await hasher.VerifyAsync(DecoyReset.NewKey(), await dummyHash.GetAsync());
            State.Step = ResetStep.LetterSent;
        }
        else
        {
            State.Code = _options.Codes.Issue(now).Record;
            State.Step = ResetStep.EnterCode;
        }

        Audit(AuditKinds.ResetUnmatched);
        logger.LogInformation("Lost-password request matched no account; answered with a decoy");
    }

    /// <summary>A genuine request teaches the silo how long one takes; a decoy of the same channel takes as long.</summary>
    private Task PaceAsync(bool genuine, long startedAt)
    {
        var bySms = State.MaskedPhone is not null;
        if (!genuine)
        {
            return pacing.DecoyAsync(bySms, startedAt);
        }

        pacing.Genuine(bySms, startedAt);
        return Task.CompletedTask;
    }

    private ResetView View() => State.Step == ResetStep.EnterCode
        ? new(State.ResetId, State.Step, State.MaskedPhone, State.Code?.ExpiresAt, _options.Codes.Length)
        : new(State.ResetId, State.Step, State.MaskedPhone, null);

    /// <summary>A number no member has is never written, whichever step it reaches.</summary>
    private Task SaveAsync() => _unknownNumber ? Task.CompletedTask : this.SaveOrMakeWayAsync(reset);

    private void Audit(string kind, string? detail = null) =>
        AuditTrail.Append(State.Audit, new AuditEvent(time.GetUtcNow(), kind, detail), _options.AuditTrailLength);
}
