using Enrolment.Grains.Accounts;

namespace Enrolment.Grains.Enrolments;

/// <summary>What every step call goes through (<see cref="StepPipeline{TFlow,TStep,TOutcome}"/>): the journey must be this member's current one, alive, and at the step.</summary>
public sealed partial class EnrolmentGrain
{
    private StepPipeline<Journey, JourneyStep, StepOutcome>? _steps;

    private StepPipeline<Journey, JourneyStep, StepOutcome> Steps => _steps ??= new(
        new StepHooks<Journey, StepOutcome>(
            Resolve,
            journey => journey.LastView is { } previous ? StepOutcome.Success(previous) : null,
            StepOutcome.Refused,
            Remember,
            SaveStepAsync,
            () => Work.ScheduleNow()),
        time,
        logger);

    private static StepResult<StepOutcome> Done(StepOutcome outcome, Func<Task>? afterWrite = null) => new(outcome, afterWrite);

    private static StepCommand<Journey> Command(string name, params string[] parts) => new(name, parts);

    private Task<StepOutcome> RunStep(Guid journeyId, JourneyStep expected, StepCommand<Journey> command, Func<Journey, DateTimeOffset, Task<StepResult<StepOutcome>>> step) =>
        Steps.RunAsync(journeyId, expected, command, step);

    private Task<StepOutcome> RunStep(Guid journeyId, JourneyStep expected, StepCommand<Journey> command, Func<Journey, DateTimeOffset, StepResult<StepOutcome>> step) =>
        Steps.RunAsync(journeyId, expected, command, step);

    /// <summary>A step that succeeded is answered again, as it was, to its replay.</summary>
    private static bool Remember(StepOutcome outcome, Journey journey)
    {
        if (outcome.View is not { } view)
        {
            return false;
        }

        journey.LastView = view;
        return true;
    }

    /// <summary>
    /// Stores a step; when storage fails, this activation makes way for one that reads back what was stored, and
    /// must not store its memory on the way out (it holds the step that failed).
    /// </summary>
    private async Task SaveStepAsync()
    {
        try
        {
            await this.SaveOrMakeWayAsync(store);
        }
        finally
        {
            _sentNotStored = false;
        }
    }

    /// <summary>The member's current journey when <paramref name="journeyId"/> names it and it may go on; else why not.</summary>
    private (Journey? Journey, Refusal? Refusal) Resolve(Guid journeyId, DateTimeOffset now)
    {
        if (LockRefusal(now) is { } locked)
        {
            return (null, locked);
        }

        if (State.Current is not { } journey || journey.Id != journeyId || journeyId == Guid.Empty)
        {
            return (null, new Refusal(RefusalCodes.UnknownEnrolment));
        }

        if (journey.IsVoid)
        {
            return (null, new Refusal(RefusalCodes.EnrolmentVoid, AttemptsLeft: 0));
        }

        if (!journey.IsFinished && now >= journey.LastStepAt + _options.IdleExpiry)
        {
            return (null, new Refusal(RefusalCodes.EnrolmentExpired));
        }

        return (journey, null);
    }

    private Refusal? LockRefusal(DateTimeOffset now) =>
        State.LockedUntil is { } until && now < until
            ? new Refusal(RefusalCodes.Locked, RetryAfterSeconds: (int)Math.Ceiling((until - now).TotalSeconds))
            : null;

    /// <summary>
    /// Ends a journey that failed its checks. Enough of them within the window lock the member's enrolment:
    /// the call that crossed the line is told so at once.
    /// </summary>
    private StepResult<StepOutcome> VoidJourney(Journey journey, string reason, DateTimeOffset now)
    {
        MarkVoid(journey, reason);
        State.VoidJourneys = [.. State.VoidJourneys.Where(at => at > now - _options.VoidJourneysWindow), now];
        return State.VoidJourneys.Count >= _options.VoidJourneysBeforeLock
            ? Lock(now)
            : Done(StepOutcome.Refused(new Refusal(RefusalCodes.EnrolmentVoid, AttemptsLeft: 0)));
    }

    /// <summary>
    /// Counts a wrong member number against the member, whichever journey (or FranceConnect link proof) it was
    /// typed in: a new journey resets only the journey's own count. The one that crosses the line locks the enrolment; null while it does not.
    /// </summary>
    private StepResult<StepOutcome>? CountMemberNumberMismatch(DateTimeOffset now)
    {
        var window = now - _options.MemberNumberMismatchesWindow;
        State.MemberNumberMismatches = [.. State.MemberNumberMismatches.Where(at => at > window), now];
        if (State.MemberNumberMismatches.Count < _options.MemberNumberMismatchesBeforeLock)
        {
            return null;
        }

        if (State.Current is { IsFinished: false, IsVoid: false } current)
        {
            MarkVoid(current, "member-number");
        }

        return Lock(now);
    }

    private void MarkVoid(Journey journey, string reason)
    {
        journey.VoidReason = reason;
        journey.Code = null;
        CancelQueuedSms();
        Audit(AuditKinds.JourneyVoid, reason);
    }

    /// <summary>Locks the member's enrolment; the call that crossed the line is told so at once.</summary>
    private StepResult<StepOutcome> Lock(DateTimeOffset now)
    {
        State.LockedUntil = now + _options.LockDuration;
        State.VoidJourneys.Clear();
        State.MemberNumberMismatches.Clear();
        Audit(AuditKinds.Locked, $"until={State.LockedUntil:O}");
        return Done(StepOutcome.Refused(LockRefusal(now)!));
    }

    /// <summary>What the member may see at the journey's step, and nothing more.</summary>
    private JourneyView ViewOf(Journey journey) => new(
        journey.Id,
        journey.Step,
        journey.Member.FullName,
        journey.Step == JourneyStep.ConfirmIdentity ? journey.Member.Address.ToString() : "",
        journey.Step switch
        {
            JourneyStep.ConfirmPhone when journey.Member.MobilePhone is { } onFile => FrenchMobile.Mask(onFile),
            JourneyStep.EnterCode when journey.Phone is { } phone => FrenchMobile.Mask(phone),
            _ => null,
        },
        journey.Step == JourneyStep.EnterCode ? journey.Code?.ExpiresAt : null,
        journey.Step == JourneyStep.EnterCode ? _options.CodeLength : null);

    /// <summary>Records an event for support; <paramref name="detail"/> never holds a secret or a full phone number.</summary>
    private void Audit(string kind, string? detail = null)
    {
        AuditTrail.Append(State.Audit, new AuditEvent(time.GetUtcNow(), kind, detail), _accounts.AuditTrailLength);
        metrics.Enrolment(kind, State.Current?.Channel);
        // The event only: details may name the journey, and ids stay out of logs (the audit trail keeps them). Debug:
        // a console line a step cost the silo as much CPU as its grain calls, and the metric above counts events.
        logger.LogDebug("Enrolment {Event}", kind);
    }
}
