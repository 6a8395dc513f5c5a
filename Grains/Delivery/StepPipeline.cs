using Enrolment.Grains.Enrolments;

namespace Enrolment.Grains.Delivery;

/// <summary>What a flow of steps (an enrolment journey, a lost-password request) keeps to answer its next call.</summary>
public interface IStepFlow<TStep>
    where TStep : struct, Enum
{
    TStep Step { get; }

    /// <summary>Random key of this flow for fingerprinting commands, so that no fingerprint reveals a secret.</summary>
    string FingerprintKey { get; }

    /// <summary>Fingerprint of the last command that succeeded: a replay answers the same.</summary>
    string? LastCommand { get; set; }

    DateTimeOffset LastStepAt { get; set; }
}

/// <summary>How a step recognises its own replay: by a fingerprint of its body, or by a finer test.</summary>
public sealed record StepCommand<TFlow>(
    string Name, string[] Parts, Func<TFlow, Task<bool>>? IsReplay = null, SecretReplay<TFlow>? Secret = null);

/// <summary>
/// A step whose body is a secret (a password). Once the flow is <see cref="IsDoneBy"/> this step, calling it again
/// compares a secret, so it is no oracle: a replay is recognised only within <see cref="Window"/> of the success
/// (after that the call is simply out of step), and inside it <see cref="Check"/> takes it through the account's
/// lockout (a refusal while locked; a body that does not match counts as a failure).
/// </summary>
public sealed record SecretReplay<TFlow>(Func<TFlow, bool> IsDoneBy, TimeSpan Window, Func<bool, Task<Refusal?>> Check);

/// <summary>The outcome of a step, and what to do once it is stored (deliver a message, create an account).</summary>
public readonly record struct StepResult<TOutcome>(TOutcome Outcome, Func<Task>? AfterWrite = null);

/// <summary>How one grain's flow plugs into <see cref="StepPipeline{TFlow,TStep,TOutcome}"/>.</summary>
public sealed record StepHooks<TFlow, TOutcome>(
    Func<Guid, DateTimeOffset, (TFlow? Flow, Refusal? Refusal)> Resolve,
    Func<TFlow, TOutcome?> ReplayAnswer,
    Func<Refusal, TOutcome> Refused,
    Func<TOutcome, TFlow, bool> Remember,
    Func<Task> Save,
    Action OnFollowUpFailure);

/// <summary>
/// What every step call goes through: resolve the flow (it must be the current one and alive), answer a replay as
/// before, check the flow is at the step, run it, remember what succeeded, store, then run the follow-up.
/// </summary>
public sealed class StepPipeline<TFlow, TStep, TOutcome>(StepHooks<TFlow, TOutcome> hooks, TimeProvider time, ILogger logger)
    where TFlow : class, IStepFlow<TStep>
    where TStep : struct, Enum
{
    public Task<TOutcome> RunAsync(Guid flowId, TStep expected, StepCommand<TFlow> command, Func<TFlow, DateTimeOffset, StepResult<TOutcome>> step) =>
        RunAsync(flowId, expected, command, (flow, now) => Task.FromResult(step(flow, now)));

    public async Task<TOutcome> RunAsync(Guid flowId, TStep expected, StepCommand<TFlow> command, Func<TFlow, DateTimeOffset, Task<StepResult<TOutcome>>> step)
    {
        var now = time.GetUtcNow();
        var (flow, refusal) = hooks.Resolve(flowId, now);
        if (flow is null)
        {
            return hooks.Refused(refusal!);
        }

        var fingerprint = CommandFingerprint.Of(flow.FingerprintKey, command.Name, command.Parts);
        var isReplay = command.IsReplay is { } test ? await test(flow) : flow.LastCommand == fingerprint;
        if (command.Secret is { } secret && secret.IsDoneBy(flow))
        {
            var inWindow = now - flow.LastStepAt <= secret.Window;
            isReplay &= inWindow;
            if (inWindow && await secret.Check(isReplay) is { } locked)
            {
                return hooks.Refused(locked);
            }
        }

        if (isReplay && hooks.ReplayAnswer(flow) is { } previous)
        {
            return previous;
        }

        if (!EqualityComparer<TStep>.Default.Equals(flow.Step, expected))
        {
            return hooks.Refused(new Refusal(RefusalCodes.WrongStep, CurrentStep: StepNames.Of(flow.Step)));
        }

        var result = await step(flow, now);
        if (hooks.Remember(result.Outcome, flow))
        {
            flow.LastCommand = fingerprint;
            flow.LastStepAt = now;
        }

        await hooks.Save();
        if (result.AfterWrite is { } afterWrite)
        {
            // The step is stored: whatever happens next is retried by the timer, so it must not turn success into failure.
            try
            {
                await afterWrite();
            }
            catch (Exception exception)
            {
                logger.LogWarning("Follow-up of a step failed ({Error}); the retry timer takes over", exception.GetType().Name);
                hooks.OnFollowUpFailure();
            }
        }

        return result.Outcome;
    }
}
