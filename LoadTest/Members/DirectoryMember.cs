namespace Enrolment.LoadTest.Members;

/// <summary>What a virtual member knows about themselves: the directory entry they will be found by.</summary>
/// <param name="Index">Position in the directory; runs use disjoint ranges of positions.</param>
/// <param name="MobilePhone">The mobile on file, which the journey offers to confirm.</param>
/// <param name="MobileIsTheirsAlone">No other member has that mobile, so its SMS can only be this member's.</param>
/// <param name="NewPhone">A mobile no member has on file and no other virtual member gives.</param>
public sealed record DirectoryMember(
    long Index,
    string MemberNumber,
    string LastName,
    string FirstName,
    DateOnly BirthDate,
    string? MobilePhone,
    bool MobileIsTheirsAlone,
    string NewPhone);

/// <summary>The members of the loaded directory that a journey can use, in directory order.</summary>
public interface IMemberSource
{
    /// <summary>Members at <paramref name="start"/> or after, skipping those whom the identity search cannot single out.</summary>
    IEnumerable<DirectoryMember> From(long start);
}
