namespace Enrolment.Grains.Interfaces.Members;

/// <summary>One member of the insurer's directory, as the directory holds them.</summary>
[GenerateSerializer, Immutable]
public sealed record MemberRecord(
    [property: Id(0)] string MemberNumber,
    [property: Id(1)] string LastName,
    [property: Id(2)] string FirstName,
    [property: Id(3)] DateOnly BirthDate,
    [property: Id(4)] PostalAddress Address,
    [property: Id(5)] string? MobilePhone)
{
    /// <summary>"PAUL COMET": first name then last name, as the guide shows it.</summary>
    public string FullName => $"{FirstName} {LastName}";

    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"MemberRecord {{ MemberNumber = {MemberNumber} }}";
}

[GenerateSerializer, Immutable]
public sealed record PostalAddress(
    [property: Id(0)] string Street,
    [property: Id(1)] string PostalCode,
    [property: Id(2)] string City)
{
    /// <summary>"74 RUE JEAN BLEUZEN 92177 VANVES".</summary>
    public override string ToString() => $"{Street} {PostalCode} {City}";
}
