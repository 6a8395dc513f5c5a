namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>
/// What a signed-in member sees of their account, and the session epoch their cookie must carry:
/// a cookie minted under an older epoch (before a password reset) is no longer accepted.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AccountProfile(
    [property: Id(0)] string MemberNumber,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] int SessionEpoch)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"AccountProfile {{ MemberNumber = {MemberNumber}, SessionEpoch = {SessionEpoch} }}";
}
