using Enrolment.Grains.Interfaces.Directory;

namespace Enrolment.Grains.Members;

/// <summary>The insurer's member registry, read only. The silo's implementation queries PostgreSQL.</summary>
public interface IMemberDirectory
{
    /// <summary>The one member whose <see cref="NameKey"/>s and birth date match, or null when none or several do.</summary>
    Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken);

    Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken);
}
