using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Members;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>
/// The member directory at the edge: SPEC.md's two development members, plus fresh members made per test so that
/// one test's journey never disturbs another's.
/// </summary>
public sealed class TestMembers : IMemberDirectory
{
    public static readonly MemberRecord PaulComet = new(
        "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1),
        new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"), "0639983708");

    public static readonly MemberRecord MarieHeleneDarcy = new(
        "2345678901", "D'ARCY", "MARIE-HÉLÈNE", new DateOnly(1972, 2, 29),
        new PostalAddress("3 PLACE DU MARCHÉ", "69002", "LYON"), null);

    private readonly List<MemberRecord> members = [PaulComet, MarieHeleneDarcy];
    private int made;

    /// <summary>A member nobody else uses, with a name made only of letters and a mobile or not.</summary>
    public MemberRecord NewMember(bool withMobile = true)
    {
        lock (members)
        {
            var n = ++made;
            var number = (3000000000L + n * 7919L).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var member = new MemberRecord(
                number, "TESTEUR " + Letters(n), "JEANNE", new DateOnly(1960, 1, 1).AddDays(n),
                new PostalAddress($"{n} RUE DES LILAS", "75011", "PARIS"),
                withMobile ? $"07{n % 100000000:D8}" : null);
            members.Add(member);
            return member;
        }
    }

    public Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken)
    {
        lock (members)
        {
            var found = members.Where(m =>
                NameKey.Normalise(m.LastName) == NameKey.Normalise(query.LastName)
                && NameKey.Normalise(m.FirstName) == NameKey.Normalise(query.FirstName)
                && m.BirthDate == query.BirthDate).ToList();
            return Task.FromResult(found.Count == 1 ? found[0] : null);
        }
    }

    public Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken)
    {
        lock (members)
        {
            return Task.FromResult(members.FirstOrDefault(m => m.MemberNumber == memberNumber));
        }
    }

    /// <summary>1 → "B", 2 → "C", 26 → "BA": a name part that is unique per number and holds no digit.</summary>
    private static string Letters(int n)
    {
        var letters = string.Empty;
        do
        {
            letters = (char)('A' + (n % 26)) + letters;
            n /= 26;
        }
        while (n > 0);
        return letters;
    }
}
