using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Enrolment.Gateway.Tests.Accounts.Accounts;

namespace Enrolment.Gateway.Tests.Accounts;

/// <summary>Over HTTP: no password step is a way around the sign-in lock, and no session outlives 12 hours.</summary>
[Collection(GatewayCollection.Name)]
public sealed class PasswordStepLockoutTests(GatewayCluster cluster)
{
    private const string NewPassword = "Printemps2026vert";

    [Fact]
    public async Task A_first_login_replayed_while_sign_in_is_locked_answers_423_and_sets_no_cookie()
    {
        var member = await cluster.MemberWithProvisionalCode();
        var client = cluster.Gateway.Browser();
        var firstLogin = await (await client.SignIn(member, ProvisionalCode)).AssertSuccess();
        var path = $"/api/first-login/{firstLogin.Text("firstLoginId")}";
        var body = new { email = Email, emailConfirmation = Email, password = NewPassword, passwordConfirmation = NewPassword };
        await (await client.PostJson(path, body)).AssertSuccess();

        for (var i = 0; i < 5; i++)
        {
            await client.SignIn(member, "Mauvais2024mot" + i);
        }

        var replay = await client.PostJson(path, body);

        await replay.AssertProblem(HttpStatusCode.Locked, "locked");
        Assert.False(replay.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_sign_in_however_active()
    {
        await using var gateway = cluster.NewGateway(
            new Dictionary<string, string?> { ["Sessions:IdleTimeout"] = "1.00:00:00" },
            services: services => services.AddSingleton<TimeProvider>(cluster.Time));
        var member = await cluster.MemberWithPassword();
        var client = gateway.Browser();
        var cookie = (await client.SignIn(member, Password)).SessionCookie().Cookie;

        await cluster.Advance(TimeSpan.FromHours(12) - TimeSpan.FromMinutes(1));
        await (await client.GetWithCookie("/api/me", cookie)).AssertSuccess();

        await cluster.Advance(TimeSpan.FromMinutes(2));
        await (await client.GetWithCookie("/api/me", cookie)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
