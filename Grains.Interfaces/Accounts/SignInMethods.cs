namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>How an account signs in: with a password, with FranceConnect (the linked <c>sub</c>), or both.</summary>
[GenerateSerializer, Immutable]
public sealed record SignInMethods(
    [property: Id(0)] bool HasPassword,
    [property: Id(1)] string? FranceConnectSubject)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: the subject identifies a person.</summary>
    public override string ToString() => $"SignInMethods {{ HasPassword = {HasPassword}, FranceConnect = {FranceConnectSubject is not null} }}";
}
