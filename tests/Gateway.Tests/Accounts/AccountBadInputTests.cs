using System.Net;
using System.Text;
using System.Text.Json;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Members;
using Xunit;
using static Enrolment.Gateway.Tests.Accounts.Accounts;

namespace Enrolment.Gateway.Tests.Accounts;

/// <summary>
/// Hostile and clumsy requests to the sign-in, first-login and lost-password calls: each gets a 4xx problem with a
/// <c>code</c>, never a 5xx, and none changes an account, a lockout count or a lost-password request.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AccountBadInputTests(GatewayCluster cluster)
{
    private const string GoodNewPassword = "Printemps2026vert";

    [Fact]
    public async Task Every_bad_input_gets_a_4xx_problem_and_changes_nothing()
    {
        var member = await cluster.MemberWithPassword();
        var firstLoginMember = await cluster.MemberWithProvisionalCode();
        var client = cluster.Gateway.Browser();
        var firstLoginId = (await (await client.SignIn(firstLoginMember, ProvisionalCode)).AssertSuccess()).Text("firstLoginId");
        var resetId = (await (await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") }))
            .AssertSuccess(HttpStatusCode.Created)).Text("resetId");
        var before = await Snapshot(member, firstLoginMember);

        var cases = Cases(member, firstLoginId, resetId).ToList();
        Assert.True(cases.Count >= 25, $"only {cases.Count} cases");
        foreach (var (name, method, path, body, contentType) in cases)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = new(contentType);
            }

            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{name}: {(int)response.StatusCode} {text}");
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{name}: not a problem: {text}");
            Assert.True(JsonDocument.Parse(text).RootElement.TryGetProperty("code", out _), $"{name}: no code: {text}");
        }

        Assert.Equal(before, await Snapshot(member, firstLoginMember));
        Assert.Equal("signed-in", (await (await client.SignIn(member, Password)).AssertSuccess()).Text("status"));
    }

    private static IEnumerable<(string Name, string Method, string Path, string? Body, string ContentType)> Cases(
        MemberRecord member, string firstLoginId, string resetId)
    {
        const string json = "application/json";
        var number = member.MemberNumber;
        var signIn = "/api/sessions";
        var firstLogin = $"/api/first-login/{firstLoginId}";
        var resets = "/api/password-resets";
        var code = $"/api/password-resets/{resetId}/code";
        var password = $"/api/password-resets/{resetId}/password";
        string Body(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

        yield return ("sign-in: malformed JSON", "POST", signIn, "{\"memberNumber\":", json);
        yield return ("sign-in: no body", "POST", signIn, null, json);
        yield return ("sign-in: an array", "POST", signIn, "[]", json);
        yield return ("sign-in: a bare string", "POST", signIn, "\"secret\"", json);
        yield return ("sign-in: number where a string is expected", "POST", signIn, $"{{\"memberNumber\":{number},\"secret\":\"x\"}}", json);
        yield return ("sign-in: no secret", "POST", signIn, Body(new { memberNumber = number }), json);
        yield return ("sign-in: null secret", "POST", signIn, $"{{\"memberNumber\":\"{number}\",\"secret\":null}}", json);
        yield return ("sign-in: nine digits", "POST", signIn, Body(new { memberNumber = number[..9], secret = "Mauvais2024" }), json);
        yield return ("sign-in: letters in the number", "POST", signIn, Body(new { memberNumber = "12345678AB", secret = "Mauvais2024" }), json);
        yield return ("sign-in: SQL in the number", "POST", signIn, Body(new { memberNumber = number + "' OR 1=1 --", secret = "x" }), json);
        yield return ("sign-in: control characters", "POST", signIn, Body(new { memberNumber = "\u0000" + number, secret = "x\u0007" }), json);
        yield return ("sign-in: a huge secret", "POST", signIn, Body(new { memberNumber = number, secret = new string('a', 10_000) }), json);
        yield return ("sign-in: an unknown member", "POST", signIn, $"{{\"memberNumber\":\"{number}\",\"secret\":\"Mauvais2024\",\"admin\":true}}", json);
        yield return ("sign-in: a repeated member", "POST", signIn, $"{{\"memberNumber\":\"{number}\",\"secret\":\"a\",\"secret\":\"b\"}}", json);
        yield return ("sign-in: not JSON", "POST", signIn, $"memberNumber={number}&secret=x", "application/x-www-form-urlencoded");
        yield return ("sign-in: a body over the size limit", "POST", signIn, Body(new { memberNumber = number, secret = new string('a', 2_000_000) }), json);
        yield return ("first login: forged id", "POST", "/api/first-login/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", Body(NewLogin(Email, Email)), json);
        yield return ("first login: a reset id in its place", "POST", $"/api/first-login/{resetId}", Body(NewLogin(Email, Email)), json);
        yield return ("first login: read with an overlong id", "GET", "/api/first-login/" + new string('A', 600), null, json);
        yield return ("first login: malformed JSON", "POST", firstLogin, "{\"email\":[", json);
        yield return ("first login: e-mails differ", "POST", firstLogin, Body(NewLogin(Email, "autre@example.fr")), json);
        yield return ("first login: script as e-mail", "POST", firstLogin, Body(NewLogin("<script>alert(1)</script>", "<script>alert(1)</script>")), json);
        yield return ("first login: passwords differ", "POST", firstLogin, Body(new { email = Email, emailConfirmation = Email, password = GoodNewPassword, passwordConfirmation = GoodNewPassword + "x" }), json);
        yield return ("first login: no password", "POST", firstLogin, Body(new { email = Email, emailConfirmation = Email }), json);
        yield return ("first login: special characters", "POST", firstLogin, Body(NewLogin(Email, Email, "Printemps 2026!")), json);
        yield return ("lost password: malformed JSON", "POST", resets, "{", json);
        yield return ("lost password: French date", "POST", resets, Body(new { memberNumber = number, birthDate = "01/08/1985" }), json);
        yield return ("lost password: impossible date", "POST", resets, Body(new { memberNumber = number, birthDate = "1985-02-30" }), json);
        yield return ("lost password: future date", "POST", resets, Body(new { memberNumber = number, birthDate = "2999-01-01" }), json);
        yield return ("lost password: no number", "POST", resets, Body(new { birthDate = "1985-08-01" }), json);
        yield return ("lost password: five-digit code", "POST", code, Body(new { code = "12345" }), json);
        yield return ("lost password: letters as code", "POST", code, Body(new { code = "abcdef" }), json);
        yield return ("lost password: code as a number", "POST", code, "{\"code\":123456}", json);
        yield return ("lost password: forged reset id", "POST", "/api/password-resets/Zm9yZ2Vk/code", Body(new { code = "123456" }), json);
        yield return ("lost password: read with a forged id", "GET", "/api/password-resets/Zm9yZ2Vk", null, json);
        yield return ("lost password: password before the code", "POST", password, Body(new { password = GoodNewPassword, passwordConfirmation = GoodNewPassword }), json);
        yield return ("lost password: a huge password", "POST", password, Body(new { password = new string('a', 300), passwordConfirmation = new string('a', 300) }), json);
        yield return ("sign-out: wrong method", "PUT", "/api/sessions/current", "{}", json);
        yield return ("me: wrong method", "POST", "/api/me", "{}", json);
    }

    private static object NewLogin(string email, string confirmation, string password = GoodNewPassword) =>
        new { email, emailConfirmation = confirmation, password, passwordConfirmation = password };

    /// <summary>Everything a bad request could have changed: audit trails (failures, locks, steps) and session epochs.</summary>
    private async Task<string> Snapshot(MemberRecord member, MemberRecord firstLoginMember)
    {
        var grains = cluster.Cluster.Client;
        var parts = new List<string>();
        foreach (var m in new[] { member, firstLoginMember })
        {
            parts.Add(string.Join(',', (await grains.GetGrain<IAccountGrain>(m.MemberNumber).GetAuditTrail()).Select(e => e.Kind)));
            parts.Add(string.Join(',', (await grains.GetGrain<IPasswordResetGrain>(m.MemberNumber).GetAuditTrail()).Select(e => e.Kind)));
            parts.Add((await grains.GetGrain<IAccountGrain>(m.MemberNumber).GetProfile())?.ToString() ?? "");
        }

        return string.Join('|', parts);
    }
}
