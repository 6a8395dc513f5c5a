using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>Members and accounts made for one test each, so that tests sharing a cluster never meet.</summary>
public static partial class AccountTestData
{
    public const string Password = "Soleil2024bleu";

    public static MemberRecord NewMember(AccountClusterFixture fixture, string? mobile = "0639983708")
    {
        var number = RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString("D10", CultureInfo.InvariantCulture);
        var member = new MemberRecord(number, "COMET", "PAUL", new DateOnly(1985, 8, 1), new PostalAddress("74 RUE JEAN BLEUZEN", "92177", "VANVES"), mobile);
        fixture.Directory.Add(member);
        return member;
    }

    public static IPasswordHasher Hasher(AccountClusterFixture fixture) =>
        fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IPasswordHasher>();

    public static async Task<MemberRecord> MemberWithPassword(AccountClusterFixture fixture, string? mobile = "0639983708")
    {
        var member = NewMember(fixture, mobile);
        var hash = await Hasher(fixture).HashAsync(Password);
        await fixture.Grains.GetGrain<IAccountGrain>(member.MemberNumber).Create(NewAccount(hash, null, null));
        return member;
    }

    public static async Task<(MemberRecord Member, string Code)> MemberWithProvisionalCode(AccountClusterFixture fixture)
    {
        var member = NewMember(fixture, mobile: null);
        var code = "K7MP2QRT9X";
        var hash = await Hasher(fixture).HashAsync(code);
        var expiresAt = fixture.Time.GetUtcNow().AddDays(30);
        await fixture.Grains.GetGrain<IAccountGrain>(member.MemberNumber).Create(NewAccount(null, hash, expiresAt));
        return (member, code);
    }

    public static NewAccount NewAccount(string? passwordHash, string? codeHash, DateTimeOffset? codeExpiresAt) =>
        new(Guid.NewGuid(), "PAUL COMET", "paul.comet@example.fr", false, null, false, null, passwordHash, codeHash, codeExpiresAt);

    /// <summary>The six digits in an SMS text.</summary>
    public static string CodeIn(string smsText) => SixDigits().Match(smsText).Value;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
