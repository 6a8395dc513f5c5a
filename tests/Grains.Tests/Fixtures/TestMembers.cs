using System.Globalization;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Grains.Tests.Fixtures;

/// <summary>Members that no other test uses: each has its own number and phone, so tests sharing a cluster never meet.</summary>
public static class TestMembers
{
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

    /// <summary>Another mobile that belongs to no test member.</summary>
    public static string NewPhone()
    {
        var n = Interlocked.Increment(ref _next);
        return $"07{n.ToString("D8", CultureInfo.InvariantCulture)}";
    }
}
