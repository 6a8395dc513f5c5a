using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;
using static Enrolment.Gateway.Tests.Accounts.Accounts;

namespace Enrolment.Gateway.Tests.Accounts;

[Collection(GatewayCollection.Name)]
public sealed class SessionsContractTests(GatewayCluster cluster)
{
    [Fact]
    public async Task Signing_in_with_the_password_sets_a_session_cookie_that_shows_the_member_then_sign_out_ends_it()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();

        var signIn = await client.SignIn(member, Password);

        var body = await signIn.AssertSuccess();
        Assert.Equal("signed-in", body.Text("status"));
        var (cookie, _) = signIn.SessionCookie();
        var me = await (await client.GetWithCookie("/api/me", cookie)).AssertSuccess();
        Assert.Equal(member.MemberNumber, me.Text("memberNumber"));
        Assert.Equal("JEANNE TESTEUR", me.Text("fullName"));
        Assert.Equal(Email, me.Text("email"));

        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/sessions/current");
        request.Headers.Add("Cookie", cookie);
        var signOut = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains(signOut.SessionCookie().Attributes, a => a.StartsWith("expires=", StringComparison.Ordinal) && a.Contains("1970", StringComparison.Ordinal));

        // A copy of the cookie kept after sign-out no longer works; another session of the member still does.
        await (await client.GetWithCookie("/api/me", cookie)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var other = (await client.SignIn(member, Password)).SessionCookie().Cookie;
        await (await client.GetWithCookie("/api/me", other)).AssertSuccess();
    }

    [Fact]
    public async Task The_cookie_is_http_only_same_site_strict_and_secure_only_over_https()
    {
        var member = await cluster.MemberWithPassword();

        var overHttp = (await cluster.Gateway.Browser().SignIn(member, Password)).SessionCookie().Attributes;
        var overHttps = (await cluster.Gateway.Browser("https://localhost").SignIn(member, Password)).SessionCookie().Attributes;

        Assert.Contains("httponly", overHttp);
        Assert.Contains("samesite=strict", overHttp);
        Assert.Contains("path=/", overHttp);
        Assert.DoesNotContain("secure", overHttp);
        Assert.Contains("secure", overHttps);
        Assert.Contains("httponly", overHttps);
    }

    [Fact]
    public async Task Without_a_session_me_answers_401_with_a_problem_and_never_redirects()
    {
        var client = cluster.Gateway.Browser();

        await (await client.GetAsync("/api/me")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await client.GetWithCookie("/api/me", CookieName + "=forged-value")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_number_get_the_same_401()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();

        var wrong = await (await client.SignIn(member, "Mauvais2024mot")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var unknown = await (await client.SignIn(cluster.Directory.NewMember(), Password)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");

        string WithoutTrace(System.Text.Json.JsonElement problem) =>
            string.Join(';', problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
        Assert.Equal(WithoutTrace(wrong), WithoutTrace(unknown));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_and_the_sixth_try_answers_423_with_the_wait()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();
        for (var i = 0; i < 5; i++)
        {
            await (await client.SignIn(member, "Mauvais2024mot")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var locked = await (await client.SignIn(member, Password)).AssertProblem(HttpStatusCode.Locked, "locked");

        Assert.Equal(60, locked.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task A_provisional_code_leads_to_first_login_which_signs_in_with_the_new_password()
    {
        var member = await cluster.MemberWithProvisionalCode();
        var client = cluster.Gateway.Browser();

        var firstLogin = await (await client.SignIn(member, ProvisionalCode)).AssertSuccess();
        Assert.Equal("first-login", firstLogin.Text("status"));
        var path = $"/api/first-login/{firstLogin.Text("firstLoginId")}";
        Assert.Equal(Email, (await (await client.GetAsync(path)).AssertSuccess()).Text("email"));

        var done = await client.PostJson(path, new { email = "nouvelle@example.fr", emailConfirmation = "nouvelle@example.fr", password = "Printemps2026vert", passwordConfirmation = "Printemps2026vert" });

        Assert.Equal("signed-in", (await done.AssertSuccess()).Text("status"));
        var me = await (await client.GetWithCookie("/api/me", done.SessionCookie().Cookie)).AssertSuccess();
        Assert.Equal("nouvelle@example.fr", me.Text("email"));
        await (await client.SignIn(member, ProvisionalCode)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await client.SignIn(member, "Printemps2026vert")).AssertSuccess();
    }

    [Fact]
    public async Task First_login_refuses_a_weak_password_with_the_rule_and_an_unknown_id_with_404()
    {
        var member = await cluster.MemberWithProvisionalCode();
        var client = cluster.Gateway.Browser();
        var id = (await (await client.SignIn(member, ProvisionalCode)).AssertSuccess()).Text("firstLoginId");

        var weak = await (await client.PostJson($"/api/first-login/{id}", new { email = Email, emailConfirmation = Email, password = "abc", passwordConfirmation = "abc" }))
            .AssertProblem(HttpStatusCode.BadRequest, "validation");
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));

        await (await client.PostJson("/api/first-login/not-an-id", new { email = Email, emailConfirmation = Email, password = "Printemps2026vert", passwordConfirmation = "Printemps2026vert" }))
            .AssertProblem(HttpStatusCode.NotFound, "unknown-first-login");
    }

    [Fact]
    public async Task First_login_after_30_days_answers_410()
    {
        var member = await cluster.MemberWithProvisionalCode();
        var client = cluster.Gateway.Browser();

        await Task.Run(() => cluster.Time.Advance(TimeSpan.FromDays(30)));

        await (await client.SignIn(member, ProvisionalCode)).AssertProblem(HttpStatusCode.Gone, "first-login-expired");
    }

    [Fact]
    public async Task A_cookie_minted_by_one_gateway_is_accepted_by_another()
    {
        var member = await cluster.MemberWithPassword();
        await using var other = cluster.NewGateway(new Dictionary<string, string?>());

        var cookie = (await cluster.Gateway.Browser().SignIn(member, Password)).SessionCookie().Cookie;

        var me = await (await other.Browser().GetWithCookie("/api/me", cookie)).AssertSuccess();
        Assert.Equal(member.MemberNumber, me.Text("memberNumber"));
    }
}
