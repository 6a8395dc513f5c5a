using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Grains.Interfaces.Directory;

/// <summary>
/// Finds a member by who they say they are, before any member number is known.
/// A stateless worker (key 0): any silo answers, several at once.
/// </summary>
public interface IMemberDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>The one member whose normalised names and birth date match, or null (none, or several).</summary>
    Task<MemberRecord?> Find(IdentityQuery query);

    /// <summary>The member with this ten-digit number, or null.</summary>
    Task<MemberRecord?> Get(string memberNumber);
}

[GenerateSerializer, Immutable]
public sealed record IdentityQuery(
    [property: Id(0)] string LastName,
    [property: Id(1)] string FirstName,
    [property: Id(2)] DateOnly BirthDate)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => "IdentityQuery { … }";
}
