using System.Collections.Concurrent;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Members;

namespace Enrolment.Grains.Tests.Fixtures;

/// <summary>An in-memory member directory, indexed by name keys and birth date as the real one is.</summary>
public sealed class FakeMemberDirectory : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, MemberRecord> _members = new();

    public void Add(MemberRecord member) => _members[member.MemberNumber] = member;

    public Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken)
    {
        var matches = _members.Values
            .Where(m => NameKey.Normalise(m.LastName) == query.LastName && NameKey.Normalise(m.FirstName) == query.FirstName && m.BirthDate == query.BirthDate)
            .Take(2)
            .ToList();
        return Task.FromResult(matches.Count == 1 ? matches[0] : null);
    }

    public Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetValueOrDefault(memberNumber));
}
