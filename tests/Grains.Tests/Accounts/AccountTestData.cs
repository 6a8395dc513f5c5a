using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Passwords;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>Members and accounts made for one test each, so that tests sharing the cluster never meet.</summary>
public static class AccountTestData
{
    public const string Password = "Soleil2024bleu";
    public const string ProvisionalCode = "K7MP2QRT9X";
    public const string Email = "paul.comet@example.fr";

    public static MemberRecord NewMember(ClusterFixture cluster, bool withPhone = true)
    {
        var member = TestMembers.Next(withPhone);
        cluster.Directory.Add(member);
        return member;
    }

    public static IPasswordHasher Hasher(ClusterFixture cluster) =>
        cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IPasswordHasher>();

    public static IAccountGrain AccountOf(ClusterFixture cluster, MemberRecord member) =>
        cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber);

    public static async Task<MemberRecord> MemberWithPassword(ClusterFixture cluster, bool withPhone = true)
    {
        var member = NewMember(cluster, withPhone);
        await AccountOf(cluster, member).Create(NewAccount(await Hasher(cluster).HashAsync(Password), null, null));
        return member;
    }

    public static async Task<MemberRecord> MemberWithProvisionalCode(ClusterFixture cluster)
    {
        var member = NewMember(cluster, withPhone: false);
        var expiresAt = cluster.Time.GetUtcNow().AddDays(30);
        await AccountOf(cluster, member).Create(NewAccount(null, await Hasher(cluster).HashAsync(ProvisionalCode), expiresAt));
        return member;
    }

    public static NewAccount NewAccount(string? passwordHash, string? codeHash, DateTimeOffset? codeExpiresAt) =>
        new(Guid.NewGuid(), "PAUL COMET", Email, false, null, false, null, passwordHash, codeHash, codeExpiresAt);

    /// <summary>The code of the <paramref name="count"/>th SMS to a phone, once sent (delivery follows the answer).</summary>
    public static async Task<string> CodeSentTo(ClusterFixture cluster, string phone, int count = 1)
    {
        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(phone).Count >= count), $"SMS #{count} sent");
        return cluster.Sms.LastCodeTo(phone);
    }

    public static async Task<LetterMessage> LetterSentTo(ClusterFixture cluster, string memberNumber)
    {
        await Eventually.True(() => Task.FromResult(cluster.Letters.SentTo(memberNumber).Count > 0), "letter sent");
        return Assert.Single(cluster.Letters.SentTo(memberNumber));
    }

    /// <summary>"0612345678" → "XX XX XX 56 78".</summary>
    public static string Masked(string phone) => $"XX XX XX {phone[6..8]} {phone[8..]}";
}
