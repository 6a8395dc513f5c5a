namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>
/// The answer to one journey call: the journey as it now stands, or why the call was refused.
/// Refusals are answers, not exceptions, so that they cross the wire cheaply and map to problem details.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StepOutcome(
    [property: Id(0)] JourneyView? View,
    [property: Id(1)] Refusal? Refusal)
{
    public static StepOutcome Success(JourneyView view) => new(view, null);

    public static StepOutcome Refused(Refusal refusal) => new(null, refusal);

    public bool Succeeded => Refusal is null;
}

/// <summary>
/// Why a call was refused: a stable <see cref="Code"/> (see <see cref="RefusalCodes"/>),
/// and where they apply the attempts left, the wait before retrying, the current step (as <see cref="StepNames"/> spells it), per-field errors.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Refusal(
    [property: Id(0)] string Code,
    [property: Id(1)] int? AttemptsLeft = null,
    [property: Id(2)] int? RetryAfterSeconds = null,
    [property: Id(3)] string? CurrentStep = null,
    [property: Id(4)] IReadOnlyDictionary<string, string[]>? Errors = null);
