using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Members;
using Orleans.Concurrency;

namespace Enrolment.Grains.Directory;

/// <summary>
/// Looks members up in the insurer's directory. Stateless: every silo runs as many as the load asks for.
/// Names are compared in their <see cref="NameKey"/> form, the form the directory is indexed by.
/// </summary>
[StatelessWorker]
public sealed class MemberDirectoryGrain(IMemberDirectory directory) : Grain, IMemberDirectoryGrain
{
    public Task<MemberRecord?> Find(IdentityQuery query)
    {
        var lastName = NameKey.Normalise(query.LastName);
        var firstName = NameKey.Normalise(query.FirstName);
        if (lastName.Length == 0 || firstName.Length == 0)
        {
            return Task.FromResult<MemberRecord?>(null);
        }

        return directory.FindAsync(query with { LastName = lastName, FirstName = firstName }, CancellationToken.None);
    }

    public Task<MemberRecord?> Get(string memberNumber) =>
        MemberNumber.TryNormalise(memberNumber, out var normalised)
            ? directory.GetAsync(normalised, CancellationToken.None)
            : Task.FromResult<MemberRecord?>(null);
}
