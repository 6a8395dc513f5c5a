using System.Net;
using System.Text.Json;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.TestKit;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The guide's three paths through the HTTP API, and what each answer shows and hides.</summary>
[Collection(GatewayCollection.Name)]
public sealed class JourneyContractTests(GatewayCluster cluster)
{
    private const string Password = "Violette42Lune";
    private readonly HttpClient client = cluster.Gateway.CreateClient();
    private JourneyDriver Driver => new(client);

    [Fact]
    public async Task Paul_Comet_enrols_by_sms_to_the_phone_on_file()
    {
        var paul = TestMembers.PaulComet;
        var search = new
        {
            lastName = "comet", firstName = "Paul", birthDate = "1985-08-01",
            email = "paul.comet@example.fr", emailConfirmation = "paul.comet@example.fr", newsletter = true,
        };

        var startResponse = await client.PostJson("/api/enrolments", search);
        var started = await startResponse.AssertSuccess(HttpStatusCode.Created);
        var id = started.Text("enrolmentId");
        Assert.Equal($"/api/enrolments/{id}", startResponse.Headers.Location?.OriginalString);
        Assert.Equal("confirm-identity", started.Text("step"));
        Assert.Equal("PAUL COMET", started.GetProperty("identity").Text("fullName"));
        Assert.Equal("74 RUE JEAN BLEUZEN 92177 VANVES", started.GetProperty("identity").Text("address"));
        Assert.Equal("confirm-identity", (await (await client.GetAsync($"/api/enrolments/{id}")).AssertSuccess()).Text("step"));

        var phoneShown = await Driver.Step(id, "identity-confirmation", new { });
        Assert.Equal("confirm-phone", phoneShown.Text("step"));
        Assert.EndsWith("37 08", phoneShown.Text("maskedPhone"), StringComparison.Ordinal);

        Assert.Equal("member-number", (await Driver.Step(id, "phone-confirmation", new { isMine = true })).Text("step"));

        var codeSent = await Driver.Step(id, "member-number", new { memberNumber = "12345678.90" });
        Assert.Equal("enter-code", codeSent.Text("step"));
        Assert.EndsWith("37 08", codeSent.Text("maskedPhone"), StringComparison.Ordinal);
        Assert.EndsWith("Z", codeSent.Text("codeExpiresAt"), StringComparison.Ordinal);
        Assert.Equal(cluster.Time.GetUtcNow().AddMinutes(5), codeSent.GetProperty("codeExpiresAt").GetDateTimeOffset());

        var code = cluster.Sms.LastCodeTo(paul.MobilePhone!);
        Assert.NotNull(code);
        Assert.Equal("create-password", (await Driver.Step(id, "code", new { code })).Text("step"));

        var password = new { password = Password, passwordConfirmation = Password };
        Assert.Equal("completed", (await Driver.Step(id, "password", password)).Text("step"));
        Assert.Equal("completed", (await Driver.Step(id, "password", password)).Text("step"));

        var again = await client.PostJson("/api/enrolments", search);
        var enrolled = await again.AssertProblem(HttpStatusCode.Conflict, "already-enrolled");
        Assert.Contains("J'ai perdu mon mot de passe", enrolled.Text("detail"), StringComparison.Ordinal);

        foreach (var answer in new[] { started, phoneShown, codeSent })
        {
            AssertHidesSecrets(answer, paul.MemberNumber, paul.MobilePhone!, code!);
        }
    }

    [Fact]
    public async Task Marie_Helene_Darcy_enrols_by_letter()
    {
        var marie = TestMembers.MarieHeleneDarcy;
        var search = new
        {
            lastName = "d arcy", firstName = "marie  helene", birthDate = "1972-02-29",
            email = "mh.darcy@example.fr", emailConfirmation = "MH.Darcy@example.fr", newsletter = false,
        };

        var started = await (await client.PostJson("/api/enrolments", search)).AssertSuccess(HttpStatusCode.Created);
        var id = started.Text("enrolmentId");
        Assert.Equal("MARIE-HÉLÈNE D'ARCY", started.GetProperty("identity").Text("fullName"));

        var noPhone = await Driver.Step(id, "identity-confirmation", new { });
        Assert.Equal("choose-channel", noPhone.Text("step"));
        Assert.False(noPhone.TryGetProperty("maskedPhone", out _));

        Assert.Equal("member-number", (await Driver.Step(id, "channel", new { channel = "letter" })).Text("step"));
        Assert.Equal("letter-sent", (await Driver.Step(id, "member-number", new { memberNumber = "23456789 01" })).Text("step"));

        var letter = Assert.Single(cluster.Letters.SentTo(marie.MemberNumber));
        Assert.Equal(marie.Address, letter.Address);
        Assert.Equal("letter-sent", (await (await client.GetAsync($"/api/enrolments/{id}")).AssertSuccess()).Text("step"));
    }

    [Fact]
    public async Task A_member_enrols_by_sms_to_a_new_phone()
    {
        var member = cluster.Directory.NewMember(withMobile: true);
        var id = await Driver.AtConfirmPhone(member);

        Assert.Equal("choose-channel", (await Driver.Step(id, "phone-confirmation", new { isMine = false })).Text("step"));
        Assert.Equal("enter-phone", (await Driver.Step(id, "channel", new { channel = "sms" })).Text("step"));
        var phone = new { phone = "+33 6 12 34 56 78", phoneConfirmation = "06.12.34.56.78", phoneMarketingOptOut = true };
        Assert.Equal("member-number", (await Driver.Step(id, "phone", phone)).Text("step"));

        var codeSent = await Driver.Step(id, "member-number", new { memberNumber = member.MemberNumber });
        Assert.EndsWith("56 78", codeSent.Text("maskedPhone"), StringComparison.Ordinal);
        var code = cluster.Sms.LastCodeTo("0612345678");
        Assert.NotNull(code);
        Assert.Empty(cluster.Sms.SentTo(member.MobilePhone!));

        Assert.Equal("create-password", (await Driver.Step(id, "code", new { code })).Text("step"));
    }

    [Fact]
    public async Task A_wrong_member_number_says_how_many_attempts_are_left()
    {
        var member = cluster.Directory.NewMember();
        var id = await Driver.AtMemberNumber(member);

        var response = await client.PostJson($"/api/enrolments/{id}/member-number", new { memberNumber = "9999999999" });

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "member-number-mismatch");
        Assert.Equal(2, problem.GetProperty("attemptsLeft").GetInt32());
    }

    [Fact]
    public async Task A_wrong_code_says_how_many_attempts_are_left()
    {
        var member = cluster.Directory.NewMember();
        var id = await Driver.AtEnterCode(member);
        var wrong = cluster.Sms.LastCodeTo(member.MobilePhone!) == "000000" ? "111111" : "000000";

        var response = await client.PostJson($"/api/enrolments/{id}/code", new { code = wrong });

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "code-mismatch");
        Assert.Equal(2, problem.GetProperty("attemptsLeft").GetInt32());
    }

    [Fact]
    public async Task A_resend_too_soon_says_when_to_retry_and_a_later_one_sends_a_new_code()
    {
        var member = cluster.Directory.NewMember();
        var id = await Driver.AtEnterCode(member);

        var tooSoon = await client.PostJson($"/api/enrolments/{id}/code/resend", new { });
        var problem = await tooSoon.AssertProblem(HttpStatusCode.TooManyRequests, "too-many-codes");
        Assert.InRange(problem.GetProperty("retryAfterSeconds").GetInt32(), 1, 30);

        cluster.Time.Advance(TimeSpan.FromSeconds(31));
        var resent = await Driver.Step(id, "code/resend", new { });

        Assert.Equal("enter-code", resent.Text("step"));
        Assert.Equal(cluster.Time.GetUtcNow().AddMinutes(5), resent.GetProperty("codeExpiresAt").GetDateTimeOffset());
        Assert.Equal(2, cluster.Sms.SentTo(member.MobilePhone!).Count);
    }

    [Fact]
    public async Task Not_identified_is_the_same_answer_whichever_field_is_wrong()
    {
        var member = cluster.Directory.NewMember();
        var wrongName = JourneyDriver.IdentityOf(member with { LastName = "AUTRE" });
        var wrongFirstName = JourneyDriver.IdentityOf(member with { FirstName = "AUTRE" });
        var wrongDate = JourneyDriver.IdentityOf(member with { BirthDate = member.BirthDate.AddDays(1) });

        var answers = new List<string>();
        foreach (var search in new[] { wrongName, wrongFirstName, wrongDate })
        {
            var problem = await (await client.PostJson("/api/enrolments", search))
                .AssertProblem(HttpStatusCode.UnprocessableEntity, "not-identified");
            answers.Add(WithoutTraceId(problem));
        }

        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Each_step_replayed_after_success_answers_the_same_success()
    {
        var member = cluster.Directory.NewMember();
        var id = await Driver.AtConfirmPhone(member);

        var first = await Driver.Step(id, "phone-confirmation", new { isMine = true });
        var replay = await Driver.Step(id, "phone-confirmation", new { isMine = true });

        Assert.Equal(first.GetRawText(), replay.GetRawText());
        Assert.Equal("member-number", replay.Text("step"));
    }

    [Fact]
    public async Task A_journey_left_idle_for_more_than_30_minutes_has_expired()
    {
        var member = cluster.Directory.NewMember();
        var id = await Driver.AtConfirmPhone(member);

        cluster.Time.Advance(TimeSpan.FromMinutes(31));

        await (await client.GetAsync($"/api/enrolments/{id}")).AssertProblem(HttpStatusCode.Gone, "enrolment-expired");
        await (await client.PostJson($"/api/enrolments/{id}/phone-confirmation", new { isMine = true }))
            .AssertProblem(HttpStatusCode.Gone, "enrolment-expired");
    }

    private static void AssertHidesSecrets(JsonElement answer, params string[] secrets)
    {
        var text = answer.GetRawText();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static string WithoutTraceId(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => p.ToString()));
}
