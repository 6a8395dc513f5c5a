using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Enrolment.Gateway.Tests.Accounts;
using Enrolment.Gateway.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Enrolment.Gateway.Tests.Hostile;

/// <summary>One generated request to the sign-in, first-login, lost-password or profile endpoints.</summary>
public sealed record HostileAccountRequest(string Method, int Route, int IdKind, string RandomId, string? Body, string? ContentType, string? Cookie)
{
    public override string ToString() =>
        $"{Method} route#{Route} id#{IdKind} type={ContentType} cookie={Cookie?.Length} body={Body?[..Math.Min(Body.Length, 300)]}";
}

/// <summary>
/// Property-based hostile input for the account side of the API (the enrolment side has its own): whatever is sent,
/// never a 5xx, every refusal a problem with a code, and a refusal leaves the member's lost-password request and
/// password as they were. The rules that count a wrong secret (<c>invalid-credentials</c>, <c>code-mismatch</c>)
/// are the only refusals allowed to change something, by design.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class AccountEndpointsHostileProperties(GatewayCluster cluster, ITestOutputHelper output)
{
    private static readonly string[] Routes =
    [
        "/api/sessions", "/api/first-login/{id}", "/api/password-resets", "/api/password-resets/{id}",
        "/api/password-resets/{id}/code", "/api/password-resets/{id}/password", "/api/me", "/api/sessions/current",
    ];

    private static readonly string[] Fields =
    [
        "memberNumber", "secret", "birthDate", "email", "emailConfirmation", "password", "passwordConfirmation", "code", "__proto__",
    ];

    private static readonly string[] Strings =
    [
        "", " ", "1234567890", "12345678.90", "0000000000", "1985-08-01", "1985-02-31", "01/08/1985", "123456",
        "K7MP2QRT9X", "Soleil2024bleu", "jeanne@example.fr", "<script>alert(1)</script>", "'; DROP TABLE grain_state; --",
        "\0", "\u202Eadmin", "\uD83D\uDE00", new string('9', 5000), "%00", "../../etc/passwd", "null",
    ];

    private static readonly Gen<JsonNode?> Value = Gen.Frequency(
        (5, Gen.OneOf(Strings).Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Gen.String.Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const<JsonNode?>(() => null)),
        (1, Gen.Const<JsonNode?>(() => new JsonArray(JsonValue.Create("x")))));

    private static readonly Gen<string?> Body = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(Fields), Value).Array[0, 6].Select(pairs =>
        {
            var body = new JsonObject();
            foreach (var (name, value) in pairs)
            {
                body[name] = value;
            }

            return (string?)body.ToJsonString();
        })),
        (2, Gen.String.Select(s => (string?)s)),
        (1, Gen.Const<string?>(() => null)));

    private static readonly Gen<HostileAccountRequest> Requests =
        Gen.Select(
            Gen.Frequency((8, Gen.Const("POST")), (3, Gen.Const("GET")), (1, Gen.OneOf("PUT", "DELETE", "PATCH"))),
            Gen.Int[0, Routes.Length - 1],
            Gen.Int[0, 3],
            Gen.String[Gen.Char[' ', '~'], 0, 80],
            Body,
            Gen.Frequency((10, Gen.Const<string?>("application/json")), (1, Gen.OneOf<string?>("text/plain", "application/xml", null))),
            Gen.Frequency((4, Gen.Const<string?>(() => null)), (1, Gen.String[Gen.Char[' ', '~'], 0, 200].Select(c => (string?)$"{Accounts.Accounts.CookieName}={c}"))))
        .Select((method, route, idKind, randomId, body, contentType, cookie) =>
            new HostileAccountRequest(method, route, idKind, randomId, body, contentType, cookie));

    [Fact]
    public async Task Whatever_is_sent_the_answer_is_never_5xx_and_a_refusal_changes_nothing()
    {
        await using var gateway = cluster.NewGateway(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:PasswordResetPerMinute"] = "100000",
        });
        var client = gateway.Browser();
        var answers = new SortedDictionary<string, int>(StringComparer.Ordinal);

        await Requests.SampleAsync(async hostile =>
        {
            var member = await cluster.MemberWithPassword();
            var started = await client.PostJson("/api/password-resets", new { memberNumber = member.MemberNumber, birthDate = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
            var resetId = (await started.AssertSuccess(HttpStatusCode.Created)).Text("resetId");
            var before = await SnapshotAsync(client, resetId);

            using var request = Build(hostile, resetId);
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var code = status >= 400 ? await ProblemCode(response) : null;
            var answer = $"{status} {code}";
            answers[answer] = answers.GetValueOrDefault(answer) + 1;

            Assert.True(status < 500, $"{status} for {hostile}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.False(string.IsNullOrEmpty(code), $"no code for {hostile}");
                if (code is not ("invalid-credentials" or "code-mismatch"))
                {
                    Assert.Equal(before, await SnapshotAsync(client, resetId));
                }

                Assert.True(cluster.Sms.SentTo(member.MobilePhone!).Count <= 1, $"another SMS after {hostile}");
                await (await client.SignIn(member, Accounts.Accounts.Password)).AssertSuccess();
            }
        }, iter: 150, threads: 1);

        output.WriteLine(string.Join(Environment.NewLine, answers.Select(a => $"{a.Key}: {a.Value}")));
    }

    private static async Task<string> SnapshotAsync(HttpClient client, string resetId)
    {
        using var response = await client.GetAsync($"/api/password-resets/{resetId}");
        return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
    }

    private static HttpRequestMessage Build(HostileAccountRequest hostile, string resetId)
    {
        var id = hostile.IdKind switch
        {
            0 => resetId,
            1 => resetId[..^3] + (resetId[^3] == 'x' ? 'y' : 'x') + resetId[^2..],
            2 => Uri.EscapeDataString(hostile.RandomId),
            _ => resetId[..(resetId.Length / 2)],
        };
        var request = new HttpRequestMessage(new HttpMethod(hostile.Method), Routes[hostile.Route].Replace("{id}", id, StringComparison.Ordinal));
        if (hostile.Body is { } body && hostile.Method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = hostile.ContentType is { } type ? MediaTypeHeaderValue.Parse(type) : null;
        }

        if (hostile.Cookie is { } cookie)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        return request;
    }

    private static async Task<string?> ProblemCode(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
