using System.Globalization;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.TestKit;

/// <summary>
/// The two development members of the README, and members that no other test uses: each has its own number and phone,
/// so tests sharing a cluster never meet.
/// </summary>
public static class TestMembers
{
    public static readonly MemberRecord PaulComet = new(
        "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1),
        new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"), "0639983708");

    public static readonly MemberRecord MarieHeleneDarcy = new(
        "2345678901", "D'ARCY", "MARIE-HÉLÈNE", new DateOnly(1972, 2, 29),
        new PostalAddress("3 PLACE DU MARCHÉ", "69002", "LYON"), null);

    private static int _next = (int)(DateTime.UtcNow.Ticks % 1_000_000);

    public static MemberRecord Next(bool withPhone = true, string lastName = "COMET", string firstName = "PAUL")
    {
        var n = Interlocked.Increment(ref _next);
        var suffix = n.ToString("D8", CultureInfo.InvariantCulture);
        return new MemberRecord(
            $"77{suffix}",
            lastName,
            firstName,
            new DateOnly(1985, 8, 1),
            new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"),
            withPhone ? $"06{suffix}" : null);
    }

    /// <summary>A fresh member whose name, made only of letters, no other member has: found alone by identity.</summary>
    public static MemberRecord WithOwnName(bool withPhone = true)
    {
        var n = Interlocked.Increment(ref _next);
        return Next(withPhone, "TESTEUR " + Letters(n), "JEANNE");
    }

    /// <summary>Another mobile that belongs to no test member.</summary>
    public static string NewPhone()
    {
        var n = Interlocked.Increment(ref _next);
        return $"07{n.ToString("D8", CultureInfo.InvariantCulture)}";
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
