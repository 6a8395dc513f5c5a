using System.Collections.Concurrent;
using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Members;

namespace Enrolment.TestKit;

/// <summary>An in-memory member directory, searched by name keys and birth date as the real one is.</summary>
public sealed class FakeMemberDirectory : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, MemberRecord> _members = new();

    public void Add(MemberRecord member) => _members[member.MemberNumber] = member;

    /// <summary>A member nobody else uses, with a name of its own so that a search by identity finds only them.</summary>
    public MemberRecord NewMember(bool withMobile = true)
    {
        var member = TestMembers.WithOwnName(withMobile);
        Add(member);
        return member;
    }

    public Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken)
    {
        var matches = _members.Values
            .Where(m => NameKey.Normalise(m.LastName) == NameKey.Normalise(query.LastName)
                && NameKey.Normalise(m.FirstName) == NameKey.Normalise(query.FirstName)
                && m.BirthDate == query.BirthDate)
            .Take(2)
            .ToList();
        return Task.FromResult(matches.Count == 1 ? matches[0] : null);
    }

    public Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken) =>
        Task.FromResult(_members.GetValueOrDefault(memberNumber));
}
