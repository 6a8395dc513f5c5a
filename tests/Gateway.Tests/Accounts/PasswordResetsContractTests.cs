using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;
using static Enrolment.Gateway.Tests.Accounts.Accounts;

namespace Enrolment.Gateway.Tests.Accounts;

[Collection(GatewayCollection.Name)]
public sealed class PasswordResetsContractTests(GatewayCluster cluster)
{
    private const string NewPassword = "Automne2026rouge";

    [Fact]
    public async Task By_sms_code_then_new_password_and_every_session_of_the_member_ends()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();
        var cookie = (await client.SignIn(member, Password)).SessionCookie().Cookie;

        var started = await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") });

        var reset = await started.AssertSuccess(HttpStatusCode.Created);
        Assert.Equal("enter-code", reset.Text("step"));
        Assert.Equal($"XX XX XX {member.MobilePhone![6..8]} {member.MobilePhone[8..]}", reset.Text("maskedPhone"));
        var path = $"/api/password-resets/{reset.Text("resetId")}";
        var code = await cluster.CodeSentTo(member.MobilePhone);
        Assert.Equal(code.Length, reset.GetProperty("codeLength").GetInt32());
        Assert.Equal("create-password", (await (await client.PostJson($"{path}/code", new { code })).AssertSuccess()).Text("step"));
        Assert.Equal("completed", (await (await client.PostJson($"{path}/password", new { password = NewPassword, passwordConfirmation = NewPassword })).AssertSuccess()).Text("step"));

        await (await client.GetWithCookie("/api/me", cookie)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await client.SignIn(member, Password)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        await (await client.SignIn(member, NewPassword)).AssertSuccess();
    }

    [Fact]
    public async Task Without_a_phone_on_file_a_letter_is_sent()
    {
        var member = await cluster.MemberWithPassword(withMobile: false);
        var client = cluster.Gateway.Browser();

        var reset = await (await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") }))
            .AssertSuccess(HttpStatusCode.Created);

        Assert.Equal("letter-sent", reset.Text("step"));
        Assert.False(reset.TryGetProperty("maskedPhone", out _));
        var letter = await cluster.LetterSentTo(member.MemberNumber);
        Assert.Equal("first-login", (await (await client.SignIn(member, letter.ProvisionalCode)).AssertSuccess()).Text("status"));
    }

    [Fact]
    public async Task An_unknown_number_or_a_wrong_birth_date_gets_an_answer_of_the_same_shape_and_nothing_is_sent()
    {
        var client = cluster.Gateway.Browser();
        var unknown = cluster.Directory.NewMember();
        var known = await cluster.MemberWithPassword();

        var answers = new[]
        {
            await (await client.PostJson("/api/password-resets", new { memberNumber = unknown.MemberNumber, birthDate = unknown.BirthDate.ToString("yyyy-MM-dd") }))
                .AssertSuccess(HttpStatusCode.Created),
            await (await client.PostJson("/api/password-resets", new { memberNumber = known.MemberNumber, birthDate = "1950-01-01" }))
                .AssertSuccess(HttpStatusCode.Created),
        };

        foreach (var answer in answers)
        {
            var names = answer.EnumerateObject().Select(p => p.Name).Order().ToArray();
            Assert.True(
                answer.Text("step") == "enter-code"
                    ? names.SequenceEqual(["codeExpiresAt", "codeLength", "maskedPhone", "resetId", "step"]) && answer.Text("maskedPhone").StartsWith("XX XX XX ", StringComparison.Ordinal)
                    : answer.Text("step") == "letter-sent" && names.SequenceEqual(["resetId", "step"]),
                $"unexpected shape: {answer}");
        }

        Assert.Empty(cluster.Sms.SentTo(unknown.MobilePhone!));
        Assert.Empty(cluster.Sms.SentTo(known.MobilePhone!));
        Assert.Empty(cluster.Letters.SentTo(unknown.MemberNumber));
        Assert.Empty(cluster.Letters.SentTo(known.MemberNumber));
    }

    [Fact]
    public async Task A_wrong_code_answers_422_with_attempts_left_and_a_forged_id_404()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();
        var reset = await (await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") }))
            .AssertSuccess(HttpStatusCode.Created);
        var resetId = reset.Text("resetId");
        var wrong = await cluster.CodeSentTo(member.MobilePhone!) == "000000" ? "111111" : "000000";

        var mismatch = await (await client.PostJson($"/api/password-resets/{resetId}/code", new { code = wrong })).AssertProblem((HttpStatusCode)422, "code-mismatch");
        Assert.Equal(2, mismatch.GetProperty("attemptsLeft").GetInt32());

        var forged = resetId[..^2] + (resetId[^2] == 'A' ? "B" : "A") + resetId[^1];
        await (await client.PostJson($"/api/password-resets/{forged}/code", new { code = wrong })).AssertProblem(HttpStatusCode.NotFound, "unknown-reset");
    }

    [Fact]
    public async Task A_new_password_breaking_the_rules_answers_400_with_the_rule()
    {
        var member = await cluster.MemberWithPassword();
        var client = cluster.Gateway.Browser();
        var reset = await (await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd") }))
            .AssertSuccess(HttpStatusCode.Created);
        var path = $"/api/password-resets/{reset.Text("resetId")}";
        await (await client.PostJson($"{path}/code", new { code = await cluster.CodeSentTo(member.MobilePhone!) })).AssertSuccess();

        var refused = await (await client.PostJson($"{path}/password", new { password = "court", passwordConfirmation = "court" })).AssertProblem(HttpStatusCode.BadRequest, "validation");

        Assert.True(refused.GetProperty("errors").TryGetProperty("password", out _));
        await (await client.SignIn(member, Password)).AssertSuccess();
    }
}
