using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.Tests;

/// <summary>A journey waiting at "confirm-phone" for a member with a mobile on file: what each bad input aims at.</summary>
public sealed record Target(string EnrolmentId, MemberRecord Member);

/// <summary>One bad input and the answer it must get; <see cref="Step"/> is the current step a 409 names.</summary>
public sealed record BadInput(Func<Target, HttpRequestMessage> Request, HttpStatusCode Status, string Code, string? Step = null);

/// <summary>Bad inputs of every kind the API refuses, for the identity search and for the steps.</summary>
public static class BadInputCases
{
    private const string Json = "application/json";
    private const HttpStatusCode BadRequest = HttpStatusCode.BadRequest;

    public static readonly IReadOnlyDictionary<string, BadInput> All = new Dictionary<string, BadInput>
    {
        // The identity search, with the target member's own identity and one thing wrong.
        ["identity: malformed JSON"] = Raw("/api/enrolments", "{\"lastName\":", BadRequest, "validation"),
        ["identity: empty body"] = new(_ => new HttpRequestMessage(HttpMethod.Post, "/api/enrolments"), BadRequest, "validation"),
        ["identity: JSON null"] = Raw("/api/enrolments", "null", BadRequest, "validation"),
        ["identity: array instead of object"] = Raw("/api/enrolments", "[{\"lastName\":\"COMET\"}]", BadRequest, "validation"),
        ["identity: string instead of object"] = Raw("/api/enrolments", "\"COMET\"", BadRequest, "validation"),
        ["identity: number for lastName"] = Identity(f => f["lastName"] = 42),
        ["identity: string for newsletter"] = Identity(f => f["newsletter"] = "yes"),
        ["identity: object for firstName"] = Identity(f => f["firstName"] = new { first = "PAUL" }),
        ["identity: missing lastName"] = Identity(f => f.Remove("lastName")),
        ["identity: missing birthDate"] = Identity(f => f.Remove("birthDate")),
        ["identity: empty firstName"] = Identity(f => f["firstName"] = ""),
        ["identity: blank lastName"] = Identity(f => f["lastName"] = "   "),
        ["identity: 101-character name"] = Identity(f => f["lastName"] = new string('A', 101)),
        ["identity: huge name"] = Identity(f => f["lastName"] = new string('A', 50_000)),
        ["identity: control character in name"] = Identity(f => f["lastName"] = "COMET\u0007"),
        ["identity: NUL in name"] = Identity(f => f["firstName"] = "PAUL\0"),
        ["identity: newline after name"] = Identity(f => f["lastName"] = "COMET\n"),
        ["identity: SQL in name"] = Identity(f => f["lastName"] = "'; DROP TABLE members; --"),
        ["identity: script in name"] = Identity(f => f["firstName"] = "<script>alert(1)</script>"),
        ["identity: digits in name"] = Identity(f => f["lastName"] = "COMET2"),
        ["identity: 31 February"] = Identity(f => f["birthDate"] = "1985-02-31"),
        ["identity: born in 1800"] = Identity(f => f["birthDate"] = "1800-01-01"),
        ["identity: born in the future"] = Identity(f => f["birthDate"] = "2999-01-01"),
        ["identity: French date format"] = Identity(f => f["birthDate"] = "01/08/1985"),
        ["identity: unpadded date"] = Identity(f => f["birthDate"] = "1985-8-1"),
        ["identity: date with a time"] = Identity(f => f["birthDate"] = "1985-08-01T00:00:00Z"),
        ["identity: number for birthDate"] = Identity(f => f["birthDate"] = 19850801),
        ["identity: e-mail without @"] = Identity(f => f["email"] = f["emailConfirmation"] = "membre.example.fr"),
        ["identity: e-mail without domain"] = Identity(f => f["email"] = f["emailConfirmation"] = "membre@"),
        ["identity: e-mail with a space"] = Identity(f => f["email"] = f["emailConfirmation"] = "mem bre@example.fr"),
        ["identity: e-mail over 254 characters"] = Identity(f => f["email"] = f["emailConfirmation"] = new string('a', 250) + "@example.fr"),
        ["identity: e-mail confirmation differs"] = Identity(f => f["emailConfirmation"] = "autre@example.fr"),
        ["identity: e-mail confirmation missing"] = Identity(f => f.Remove("emailConfirmation")),
        ["identity: unknown field"] = Identity(f => f["isAdmin"] = true),
        ["identity: duplicate field"] = new(t => Post("/api/enrolments",
            JsonSerializer.Serialize(Fields(t.Member))[..^1] + ",\"lastName\":\"AUTRE\"}"), BadRequest, "validation"),
        ["identity: deep nesting"] = Raw("/api/enrolments",
            "{\"lastName\":" + new string('[', 100) + new string(']', 100) + "}", BadRequest, "validation"),
        ["identity: form content type"] = new(t => Post("/api/enrolments", "lastName=COMET", "application/x-www-form-urlencoded"),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["identity: text content type"] = new(t => Post("/api/enrolments", JsonSerializer.Serialize(Fields(t.Member)), "text/plain"),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["identity: body over 64 KB"] = Identity(f => f["lastName"] = new string('A', 70_000),
            HttpStatusCode.RequestEntityTooLarge, "payload-too-large"),
        ["identity: nobody with that birth date"] = Identity(f => f["birthDate"] = "1901-01-01",
            HttpStatusCode.UnprocessableEntity, "not-identified"),

        // Steps sent out of order: the journey waits at confirm-phone.
        ["step: channel out of order"] = Step("channel", new { channel = "sms" }, HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),
        ["step: phone out of order"] = Step("phone", new { phone = "0611223344", phoneConfirmation = "0611223344" },
            HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),
        ["step: member number out of order"] = new(t => Post($"/api/enrolments/{t.EnrolmentId}/member-number",
            JsonSerializer.Serialize(new { memberNumber = t.Member.MemberNumber })), HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),
        ["step: code out of order"] = Step("code", new { code = "123456" }, HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),
        ["step: resend out of order"] = Step("code/resend", new { }, HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),
        ["step: password out of order"] = Step("password", new { password = "Violette42Lune", passwordConfirmation = "Violette42Lune" },
            HttpStatusCode.Conflict, "wrong-step", "confirm-phone"),

        // Step bodies of the wrong shape.
        ["step: isMine missing"] = Step("phone-confirmation", new { }),
        ["step: isMine as string"] = Step("phone-confirmation", new { isMine = "yes" }),
        ["step: isMine as number"] = Step("phone-confirmation", new { isMine = 1 }),
        ["step: isMine null"] = Step("phone-confirmation", new { isMine = (bool?)null }),
        ["step: extra field beside isMine"] = Step("phone-confirmation", new { isMine = true, memberNumber = "1234567890" }),
        ["step: array for the step body"] = new(t => Post($"/api/enrolments/{t.EnrolmentId}/phone-confirmation", "[true]"), BadRequest, "validation"),
        ["step: malformed JSON"] = new(t => Post($"/api/enrolments/{t.EnrolmentId}/phone-confirmation", "{isMine:true"), BadRequest, "validation"),
        ["step: identity-confirmation with a body"] = Step("identity-confirmation", new { confirmed = true }),
        ["step: channel fax"] = Step("channel", new { channel = "fax" }),
        ["step: channel as number"] = Step("channel", new { channel = 1 }),
        ["step: channel with NUL"] = Step("channel", new { channel = "sms\0" }),
        ["step: phone starting 05"] = Step("phone", new { phone = "0512345678", phoneConfirmation = "0512345678" }),
        ["step: phone of 9 digits"] = Step("phone", new { phone = "061234567", phoneConfirmation = "061234567" }),
        ["step: phone with letters"] = Step("phone", new { phone = "06ABCDEFGH", phoneConfirmation = "06ABCDEFGH" }),
        ["step: British phone"] = Step("phone", new { phone = "+44 7911 123456", phoneConfirmation = "+44 7911 123456" }),
        ["step: phone confirmation differs"] = Step("phone", new { phone = "0611223344", phoneConfirmation = "0611223345" }),
        ["step: phone as number"] = Step("phone", new { phone = 611223344, phoneConfirmation = 611223344 }),
        ["step: member number too short"] = Step("member-number", new { memberNumber = "12345" }),
        ["step: member number with letters"] = Step("member-number", new { memberNumber = "ABCDEFGHIJ" }),
        ["step: member number as number"] = Step("member-number", new { memberNumber = 1234567890 }),
        ["step: code of five digits"] = Step("code", new { code = "12345" }),
        ["step: code of letters"] = Step("code", new { code = "abcdef" }),
        ["step: code as number"] = Step("code", new { code = 123456 }),
        ["step: password missing"] = Step("password", new { passwordConfirmation = "Violette42Lune" }),
        ["step: wrong content type"] = new(t => Post($"/api/enrolments/{t.EnrolmentId}/phone-confirmation", "isMine=true",
            "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type"),
        ["step: body over 64 KB"] = Step("phone-confirmation", new { isMine = true, padding = new string('x', 70_000) },
            HttpStatusCode.RequestEntityTooLarge, "payload-too-large"),

        // Ids and routes.
        ["id: one character flipped"] = new(t => Post($"/api/enrolments/{Flip(t.EnrolmentId)}/phone-confirmation",
            "{\"isMine\":true}"), HttpStatusCode.NotFound, "unknown-enrolment"),
        ["id: truncated"] = new(t => Post($"/api/enrolments/{t.EnrolmentId[..^4]}/phone-confirmation",
            "{\"isMine\":true}"), HttpStatusCode.NotFound, "unknown-enrolment"),
        ["id: made up"] = new(_ => Post("/api/enrolments/CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/phone-confirmation",
            "{\"isMine\":true}"), HttpStatusCode.NotFound, "unknown-enrolment"),
        ["route: GET on a step"] = new(t => new HttpRequestMessage(HttpMethod.Get, $"/api/enrolments/{t.EnrolmentId}/phone-confirmation"),
            HttpStatusCode.MethodNotAllowed, "method-not-allowed"),
        ["route: DELETE on the journey"] = new(t => new HttpRequestMessage(HttpMethod.Delete, $"/api/enrolments/{t.EnrolmentId}"),
            HttpStatusCode.MethodNotAllowed, "method-not-allowed"),
        ["route: unknown step"] = new(t => Post($"/api/enrolments/{t.EnrolmentId}/skip-to-password", "{}"),
            HttpStatusCode.NotFound, "not-found"),
        ["header: 20 KB header"] = new(t =>
        {
            var request = Post($"/api/enrolments/{t.EnrolmentId}/phone-confirmation", "{\"isMine\":true}");
            request.Headers.Add("X-Padding", new string('x', 20 * 1024));
            return request;
        }, HttpStatusCode.RequestHeaderFieldsTooLarge, "headers-too-large"),
    };

    public static IEnumerable<object[]> Names => All.Keys.Select(name => new object[] { name });

    private static Dictionary<string, object?> Fields(MemberRecord member) => new()
    {
        ["lastName"] = member.LastName,
        ["firstName"] = member.FirstName,
        ["birthDate"] = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["email"] = "membre@example.fr",
        ["emailConfirmation"] = "membre@example.fr",
        ["newsletter"] = false,
    };

    private static BadInput Identity(
        Action<Dictionary<string, object?>> spoil, HttpStatusCode status = BadRequest, string code = "validation") =>
        new(t =>
        {
            var fields = Fields(t.Member);
            spoil(fields);
            return Post("/api/enrolments", JsonSerializer.Serialize(fields));
        }, status, code);

    private static BadInput Step(
        string step, object body, HttpStatusCode status = BadRequest, string code = "validation", string? currentStep = null) =>
        new(t => Post($"/api/enrolments/{t.EnrolmentId}/{step}", JsonSerializer.Serialize(body)), status, code, currentStep);

    private static BadInput Raw(string path, string body, HttpStatusCode status, string code) => new(_ => Post(path, body), status, code);

    private static HttpRequestMessage Post(string path, string body, string contentType = Json)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static string Flip(string id)
    {
        var middle = id.Length / 2;
        return id[..middle] + (id[middle] == 'A' ? 'B' : 'A') + id[(middle + 1)..];
    }
}
