using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enrolment.LoadTest.Members;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// A member of the development directory going through the HTTP API by hand, through whichever gateway each call
/// names, reading codes from that gateway's development outbox.
/// </summary>
public sealed partial class MemberOverHttp(DirectoryMember member)
{
    public const string Password = "Chaos2026Proof";

    public DirectoryMember Member { get; } = member;

    public string Email => $"m{Member.MemberNumber}@reliability.example";

    public string? EnrolmentId { get; set; }

    /// <summary>The first members of a directory of <paramref name="size"/> whose mobile is theirs alone.</summary>
    public static IReadOnlyList<MemberOverHttp> WithOwnMobile(int size, int count) =>
        [.. new DevelopmentMemberSource(size).From(0).Where(m => m.MobileIsTheirsAlone).Take(count).Select(m => new MemberOverHttp(m))];

    public object Identity => new
    {
        lastName = Member.LastName,
        firstName = Member.FirstName,
        birthDate = Member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        email = Email,
        emailConfirmation = Email,
        newsletter = false,
    };

    public async Task<HttpResponseMessage> StartAsync(HttpClient gateway)
    {
        var answer = await gateway.PostAsJsonAsync(new Uri("/api/enrolments", UriKind.Relative), Identity);
        if (answer.IsSuccessStatusCode)
        {
            EnrolmentId = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("enrolmentId").GetString();
        }

        return answer;
    }

    public Task<HttpResponseMessage> StepAsync(HttpClient gateway, string action, object body) =>
        gateway.PostAsJsonAsync(new Uri($"/api/enrolments/{Uri.EscapeDataString(EnrolmentId!)}/{action}", UriKind.Relative), body);

    public Task<HttpResponseMessage> GetAsync(HttpClient gateway) =>
        gateway.GetAsync(new Uri($"/api/enrolments/{Uri.EscapeDataString(EnrolmentId!)}", UriKind.Relative));

    public Task<HttpResponseMessage> SignInAsync(HttpClient gateway, string secret) =>
        gateway.PostAsJsonAsync(new Uri("/api/sessions", UriKind.Relative), new { memberNumber = Member.MemberNumber, secret });

    /// <summary>Identity confirmed, phone on file confirmed, member number typed: the code is on its way.</summary>
    public async Task ReachEnterCodeAsync(Func<int, HttpClient> gatewayForStep)
    {
        await ExpectStepAsync(await StartAsync(gatewayForStep(0)), "confirm-identity");
        await ExpectStepAsync(await StepAsync(gatewayForStep(1), "identity-confirmation", new { }), "confirm-phone");
        await ExpectStepAsync(await StepAsync(gatewayForStep(2), "phone-confirmation", new { isMine = true }), "member-number");
        await ExpectStepAsync(await StepAsync(gatewayForStep(3), "member-number", new { memberNumber = Member.MemberNumber }), "enter-code");
    }

    /// <summary>Every SMS the development outbox holds for the member's mobile, newest first.</summary>
    public async Task<IReadOnlyList<string>> SmsCodesAsync(HttpClient gateway)
    {
        var list = await gateway.GetFromJsonAsync<JsonElement>(
            new Uri($"/dev/outbox/sms?to={Member.MobilePhone}", UriKind.Relative));
        return [.. list.EnumerateArray().Select(sms => SmsCode().Match(sms.GetProperty("text").GetString()!).Value)];
    }

    public static async Task<JsonElement> ExpectStepAsync(HttpResponseMessage answer, string step)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)answer.StatusCode} {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(step, json.GetProperty("step").GetString());
        return json;
    }

    public static async Task<JsonElement> ExpectStatusAsync(HttpResponseMessage answer, int status)
    {
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True((int)answer.StatusCode == status, $"Expected {status}: {(int)answer.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SmsCode();
}
