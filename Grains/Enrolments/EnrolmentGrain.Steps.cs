using Enrolment.Grains.Interfaces.Enrolments;
using Microsoft.Extensions.Logging;

namespace Enrolment.Grains.Enrolments;

/// <summary>What every step call goes through: the journey must be this member's current one, alive, and at the step.</summary>
public sealed partial class EnrolmentGrain
{
    /// <summary>The outcome of a step, and what to do once it is stored (deliver a message, create the account).</summary>
    private readonly record struct StepResult(StepOutcome Outcome, Func<Task>? AfterWrite = null);

    /// <summary>How a step recognises its own replay: by a fingerprint of its body, or by a finer test.</summary>
    private sealed record StepCommand(string Name, string[] Parts, Func<Journey, Task<bool>>? IsReplay = null);

    private static StepResult Done(StepOutcome outcome, Func<Task>? afterWrite = null) => new(outcome, afterWrite);

    private static StepCommand Command(string name, params string[] parts) => new(name, parts);

    private async Task<StepOutcome> RunStep(Guid journeyId, JourneyStep expected, StepCommand command, Func<Journey, DateTimeOffset, Task<StepResult>> step)
    {
        var now = time.GetUtcNow();
        var (journey, refusal) = Resolve(journeyId, now);
        if (journey is null)
        {
            return StepOutcome.Refused(refusal!);
        }

        var fingerprint = CommandFingerprint.Of(journey.FingerprintKey, command.Name, command.Parts);
        var isReplay = command.IsReplay is { } test ? await test(journey) : journey.LastCommand == fingerprint;
        if (isReplay && journey.LastView is { } previous)
        {
            return StepOutcome.Success(previous);
        }

        if (journey.Step != expected)
        {
            return StepOutcome.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: journey.Step));
        }

        var result = await step(journey, now);
        if (result.Outcome.View is { } view)
        {
            journey.LastCommand = fingerprint;
            journey.LastView = view;
            journey.LastStepAt = now;
        }

        await SaveStepAsync();
        if (result.AfterWrite is { } afterWrite)
        {
            // The step is stored: whatever happens next is retried by the timer, so it must not turn success into failure.
            try
            {
                await afterWrite();
            }
            catch (Exception exception)
            {
                logger.LogWarning("Follow-up of an enrolment step failed ({Error}); the retry timer takes over", exception.GetType().Name);
                ScheduleWork(time.GetUtcNow());
            }
        }

        return result.Outcome;
    }

    /// <summary>
    /// Stores a step. When storage fails the caller gets the error, and this activation, whose memory now holds a
    /// change that was not stored, makes way for a fresh one that reads back what was.
    /// </summary>
    private async Task SaveStepAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            this.DeactivateOnIdle();
            throw;
        }
    }

    private Task<StepOutcome> RunStep(Guid journeyId, JourneyStep expected, StepCommand command, Func<Journey, DateTimeOffset, StepResult> step) =>
        RunStep(journeyId, expected, command, (journey, now) => Task.FromResult(step(journey, now)));

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
    private StepResult VoidJourney(Journey journey, string reason, DateTimeOffset now)
    {
        journey.VoidReason = reason;
        journey.Code = null;
        CancelQueuedSms();
        State.VoidJourneys = [.. State.VoidJourneys.Where(at => at > now - _options.VoidJourneysWindow), now];
        Audit("journey-void", reason);
        if (State.VoidJourneys.Count >= _options.VoidJourneysBeforeLock)
        {
            State.LockedUntil = now + _options.LockDuration;
            State.VoidJourneys.Clear();
            Audit("locked", $"until={State.LockedUntil:O}");
            return Done(StepOutcome.Refused(LockRefusal(now)!));
        }

        return Done(StepOutcome.Refused(new Refusal(RefusalCodes.EnrolmentVoid, AttemptsLeft: 0)));
    }

    /// <summary>What the member may see at the journey's step, and nothing more.</summary>
    private static JourneyView ViewOf(Journey journey) => new(
        journey.Id,
        journey.Step,
        journey.Member.FullName,
        journey.Step == JourneyStep.ConfirmIdentity ? journey.Member.Address.ToString() : "",
        journey.Step switch
        {
            JourneyStep.ConfirmPhone when journey.Member.MobilePhone is { } onFile => PhoneNumbers.Mask(onFile),
            JourneyStep.EnterCode when journey.Phone is { } phone => PhoneNumbers.Mask(phone),
            _ => null,
        },
        journey.Step == JourneyStep.EnterCode ? journey.Code?.ExpiresAt : null);

    /// <summary>Records an event for support; <paramref name="detail"/> never holds a secret or a full phone number.</summary>
    private void Audit(string kind, string? detail = null)
    {
        State.Audit.Add(new AuditEvent(time.GetUtcNow(), kind, detail));
        if (State.Audit.Count > _options.AuditTrailLength)
        {
            State.Audit.RemoveRange(0, State.Audit.Count - _options.AuditTrailLength);
        }

        logger.LogInformation("Enrolment {Event} {Detail} (journey {JourneyId})", kind, detail, State.Current?.Id);
    }
}
