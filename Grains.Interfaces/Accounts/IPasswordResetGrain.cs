using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>
/// "J'ai perdu mon mot de passe", keyed by the normalised ten-digit member number typed.
/// Its answers have the same shape whether or not that number has an account and the birth date matches:
/// a request that matches nothing gets a decoy reset whose code can never match.
/// Its steps are <see cref="ResetStep"/>: EnterCode, CreatePassword, Completed (SMS) or LetterSent (letter).
/// </summary>
public interface IPasswordResetGrain : IGrainWithStringKey
{
    /// <summary>Opens a reset, voiding the previous one: a code by SMS to the phone on file, or a new letter.</summary>
    Task<ResetOutcome> Start(DateOnly birthDate);

    Task<ResetOutcome> Get(Guid resetId);

    Task<ResetOutcome> SubmitCode(Guid resetId, string code);

    /// <summary>The new password; a hash still queued when <paramref name="cancellationToken"/> fires (the caller has gone) is not run.</summary>
    Task<ResetOutcome> SetPassword(Guid resetId, string password, string passwordConfirmation, CancellationToken cancellationToken = default);

    /// <summary>Every reset request, code failure, delivery and completion; never a secret.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrail();
}

/// <summary>What the member may see of a reset: never whether the number exists, the full phone, a code.</summary>
[GenerateSerializer, Immutable]
public sealed record ResetView(
    [property: Id(0)] Guid ResetId,
    [property: Id(1)] ResetStep Step,
    [property: Id(2)] string? MaskedPhone,
    [property: Id(3)] DateTimeOffset? CodeExpiresAt,
    [property: Id(4)] int? CodeLength = null);

[GenerateSerializer, Immutable]
public sealed record ResetOutcome(
    [property: Id(0)] ResetView? View,
    [property: Id(1)] Refusal? Refusal)
{
    public static ResetOutcome Success(ResetView view) => new(view, null);

    public static ResetOutcome Refused(Refusal refusal) => new(null, refusal);

    public bool Succeeded => Refusal is null;
}
