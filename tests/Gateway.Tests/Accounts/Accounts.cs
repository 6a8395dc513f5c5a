using System.Net.Http.Headers;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Passwords;
using Enrolment.TestKit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests.Accounts;

/// <summary>Accounts made straight in the cluster (as an enrolment would), and the session cookie as a browser keeps it.</summary>
public static class Accounts
{
    public const string Password = "Soleil2024bleu";
    public const string ProvisionalCode = "K7MP2QRT9X";
    public const string Email = "jeanne@example.fr";
    public const string CookieName = "enrolment.session";

    public static IAccountGrain AccountOf(this GatewayCluster cluster, MemberRecord member) =>
        cluster.Cluster.Client.GetGrain<IAccountGrain>(member.MemberNumber);

    public static async Task<MemberRecord> MemberWithPassword(this GatewayCluster cluster, bool withMobile = true)
    {
        var member = cluster.Directory.NewMember(withMobile);
        await cluster.AccountOf(member).Create(NewAccount(await cluster.Hasher().HashAsync(Password), null, null));
        return member;
    }

    public static async Task<MemberRecord> MemberWithProvisionalCode(this GatewayCluster cluster)
    {
        var member = cluster.Directory.NewMember(withMobile: false);
        var expiresAt = cluster.Time.GetUtcNow().AddDays(30);
        await cluster.AccountOf(member).Create(NewAccount(null, await cluster.Hasher().HashAsync(ProvisionalCode), expiresAt));
        return member;
    }

    /// <summary>A client that does not keep cookies, so that a test sees and sends them itself.</summary>
    public static HttpClient Browser(this GatewayFactory gateway, string baseAddress = "http://localhost") =>
        gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri(baseAddress) });

    /// <summary>The session cookie set by a response, as <c>name=value</c>, with its attributes in lower case.</summary>
    public static (string Cookie, string[] Attributes) SessionCookie(this HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(CookieName + "=", StringComparison.Ordinal));
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        return (parts[0], [.. parts.Skip(1).Select(p => p.ToLowerInvariant())]);
    }

    public static Task<HttpResponseMessage> GetWithCookie(this HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SignIn(this HttpClient client, MemberRecord member, string secret) =>
        client.PostJson("/api/sessions", new { memberNumber = MemberNumber.Format(member.MemberNumber), secret });

    /// <summary>The code of the latest SMS to a phone, once one was sent (delivery follows the answer).</summary>
    public static async Task<string> CodeSentTo(this GatewayCluster cluster, string phone)
    {
        await Eventually.Until(() => cluster.Sms.SentTo(phone), sent => sent.Count > 0, "an SMS sent");
        return cluster.Sms.LastCodeTo(phone);
    }

    public static async Task<LetterMessage> LetterSentTo(this GatewayCluster cluster, string memberNumber) =>
        Assert.Single(await Eventually.Until(() => cluster.Letters.SentTo(memberNumber), sent => sent.Count > 0, "a letter sent"));

    private static IPasswordHasher Hasher(this GatewayCluster cluster) =>
        cluster.Cluster.GetSiloServiceProvider().GetRequiredService<IPasswordHasher>();

    private static NewAccount NewAccount(string? passwordHash, string? codeHash, DateTimeOffset? codeExpiresAt) =>
        new(Guid.NewGuid(), "JEANNE TESTEUR", Email, false, null, false, null, passwordHash, codeHash, codeExpiresAt);
}
