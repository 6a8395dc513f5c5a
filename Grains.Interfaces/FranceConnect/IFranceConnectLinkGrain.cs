using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Grains.Interfaces.FranceConnect;

/// <summary>
/// The account a FranceConnect identity signs in to, keyed by the provider's <c>sub</c> (stable per client).
/// The first link is proved by typing the member number, with failures limited like enrolment's member-number step.
/// </summary>
public interface IFranceConnectLinkGrain : IGrainWithStringKey
{
    /// <summary>The linked member number, or null while this identity is linked to no account.</summary>
    Task<string?> GetMemberNumber();

    /// <summary>
    /// Links this identity to <paramref name="matchedMemberNumber"/> (the one member the directory matched) when
    /// <paramref name="typedMemberNumber"/> is that number; failures in a row lock the proof for a while.
    /// </summary>
    Task<LinkProof> Prove(string matchedMemberNumber, string typedMemberNumber);

    /// <summary>Links without proof: the enrolment that created the account started from this identity.</summary>
    Task Link(string memberNumber);

    /// <summary>« Mon espace »: the member removes the link; the next FranceConnect sign-in asks for proof again.</summary>
    Task Unlink();

    /// <summary>Links, proofs, failures and removals, oldest first; never a name or a number.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrail();
}

/// <summary>Linked, or refused with the attempts left, or locked for <see cref="RetryAfterSeconds"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record LinkProof(
    [property: Id(0)] bool Linked,
    [property: Id(1)] int AttemptsLeft,
    [property: Id(2)] int? RetryAfterSeconds);
