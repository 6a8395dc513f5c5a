using Enrolment.Grains.Interfaces.FranceConnect;

namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>
/// One member's enrolment, keyed by the normalised ten-digit member number. Owns the current journey,
/// its code, its timers and every attempt limit (docs/enrolment.md). Every call but
/// <see cref="Start"/> names the journey it is about; a call for a superseded journey is refused.
/// </summary>
public interface IEnrolmentGrain : IGrainWithStringKey
{
    /// <summary>Step 1: opens a new journey, voiding any unfinished one and its code.</summary>
    Task<StepOutcome> Start(StartJourney request);

    Task<StepOutcome> Get(Guid journeyId);

    Task<StepOutcome> ConfirmIdentity(Guid journeyId);

    Task<StepOutcome> ConfirmPhone(Guid journeyId, bool isMine);

    Task<StepOutcome> ChooseChannel(Guid journeyId, DeliveryChannel channel);

    Task<StepOutcome> EnterPhone(Guid journeyId, PhoneEntry entry);

    /// <summary>Step 5: the member number typed, already normalised (or as typed when it could not be).</summary>
    Task<StepOutcome> SubmitMemberNumber(Guid journeyId, string memberNumber);

    Task<StepOutcome> SubmitCode(Guid journeyId, string code);

    Task<StepOutcome> ResendCode(Guid journeyId);

    /// <summary>Step 7; a hash still queued when <paramref name="cancellationToken"/> fires (the caller has gone) is not run.</summary>
    Task<StepOutcome> CreatePassword(Guid journeyId, string password, string passwordConfirmation, CancellationToken cancellationToken = default);

    /// <summary>
    /// FranceConnect flow (b): the member, matched to this member number, types it once to link the identity
    /// <paramref name="subject"/>. A wrong number counts in this member's mismatches over 24 h, as at step 5.
    /// </summary>
    Task<LinkProof> ProveFranceConnectLink(string subject, string typedMemberNumber);

    /// <summary>Every step, failure, lock and delivery of this member's enrolments, oldest first; never a secret.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrail();
}
