using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>
/// Step 1 once the directory has found the member: who they are and what they typed. A journey opened from
/// FranceConnect carries the identity's <c>sub</c> instead of an identity form, and ends linked to it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record StartJourney(
    [property: Id(0)] MemberRecord Member,
    [property: Id(1)] string Email,
    [property: Id(2)] bool Newsletter,
    [property: Id(3)] string? FranceConnectSubject = null)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"StartJourney {{ Member = {Member} }}";
}

/// <summary>A new French mobile given at step 4, already normalised to ten digits (06… or 07…).</summary>
[GenerateSerializer, Immutable]
public sealed record PhoneEntry(
    [property: Id(0)] string Phone,
    [property: Id(1)] bool PhoneMarketingOptOut)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => "PhoneEntry { … }";
}
