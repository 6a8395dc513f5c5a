namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// The identity the state verified ("identité pivot"), as userinfo states it: <see cref="GivenNames"/> all first
/// names in order, <see cref="BirthName"/> the birth name, <see cref="UsageName"/> the usage name when there is one,
/// <see cref="Email"/> the address the person gave FranceConnect (never used to match, only to fill an account).
/// </summary>
public sealed record PivotIdentity(
    string Subject,
    IReadOnlyList<string> GivenNames,
    string BirthName,
    string? UsageName,
    DateOnly? BirthDate,
    string? Email = null)
{
    /// <summary>Logs and exceptions may print this: no personal data.</summary>
    public override string ToString() => "PivotIdentity { … }";
}
