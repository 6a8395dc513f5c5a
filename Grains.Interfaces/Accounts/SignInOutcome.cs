using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Grains.Interfaces.Accounts;

public enum SignInStatus
{
    SignedIn,
    FirstLoginRequired,
}

/// <summary>
/// The answer to a sign-in or a first login: signed in (with the profile to put in the session),
/// a first login to go through, or a <see cref="Enrolments.Refusal"/> (invalid credentials, locked, expired…).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SignInOutcome(
    [property: Id(0)] SignInStatus? Status,
    [property: Id(1)] AccountProfile? Profile,
    [property: Id(2)] Guid? FirstLoginId,
    [property: Id(3)] Refusal? Refusal)
{
    public static SignInOutcome SignedIn(AccountProfile profile) => new(SignInStatus.SignedIn, profile, null, null);

    public static SignInOutcome FirstLogin(Guid firstLoginId) => new(SignInStatus.FirstLoginRequired, null, firstLoginId, null);

    public static SignInOutcome Refused(Refusal refusal) => new(null, null, null, refusal);

    public bool Succeeded => Refusal is null;
}

/// <summary>The first-login screen: the e-mail on file to confirm, or why it cannot be shown.</summary>
[GenerateSerializer, Immutable]
public sealed record FirstLoginOutcome(
    [property: Id(0)] string? EmailOnFile,
    [property: Id(1)] Refusal? Refusal)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"FirstLoginOutcome {{ Refusal = {Refusal} }}";
}

/// <summary>What the member typed on the first-login screen, already checked for shape by the gateway.</summary>
[GenerateSerializer, Immutable]
public sealed record FirstLoginRequest(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string PasswordConfirmation)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => "FirstLoginRequest { … }";
}
