using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enrolment.ApiClient;

/// <summary>
/// The gateway's public API, one method per route, over the given <see cref="HttpClient"/> (its base address is
/// the gateway). Each request carries its route's name in <see cref="RouteOption"/>, so that a handler of the
/// client (timing, replaying a lost step) can tell the steps apart without parsing paths.
/// </summary>
public sealed class EnrolmentApi(HttpClient http)
{
    /// <summary>The route's name on each request, e.g. <c>code</c> or <c>sign-in</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> RouteOption = new("enrolment-api-route");

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public HttpClient Http => http;

    // The enrolment journey.

    public Task<ApiAnswer<JourneyAnswer>> StartEnrolment(IdentityRequest identity, CancellationToken cancellationToken = default) =>
        Send<JourneyAnswer>(HttpMethod.Post, "/api/enrolments", "identity", identity, cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> GetEnrolment(string enrolmentId, CancellationToken cancellationToken = default) =>
        Send<JourneyAnswer>(HttpMethod.Get, Enrolment(enrolmentId), "journey", null, cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> ConfirmIdentity(string enrolmentId, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "identity-confirmation", new { }, cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> ConfirmPhone(string enrolmentId, bool isMine, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "phone-confirmation", new PhoneConfirmationRequest(isMine), cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> ChooseChannel(string enrolmentId, string channel, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "channel", new ChannelRequest(channel), cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> EnterPhone(string enrolmentId, PhoneRequest phone, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "phone", phone, cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> SubmitMemberNumber(string enrolmentId, string memberNumber, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "member-number", new MemberNumberRequest(memberNumber), cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> SubmitCode(string enrolmentId, string code, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "code", new CodeRequest(code), cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> ResendCode(string enrolmentId, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "code/resend", new { }, cancellationToken);

    public Task<ApiAnswer<JourneyAnswer>> CreatePassword(string enrolmentId, string password, CancellationToken cancellationToken = default) =>
        Step(enrolmentId, "password", new PasswordRequest(password, password), cancellationToken);

    // Sessions and the first login after a letter.

    public Task<ApiAnswer<SessionAnswer>> SignIn(string memberNumber, string secret, CancellationToken cancellationToken = default) =>
        Send<SessionAnswer>(HttpMethod.Post, "/api/sessions", "sign-in", new SignInRequest(memberNumber, secret), cancellationToken);

    /// <summary>GET /api/me with the session cookie given (<c>name=value</c>), or with the client's own cookies.</summary>
    public Task<ApiAnswer<MeAnswer>> Me(string? sessionCookie = null, CancellationToken cancellationToken = default) =>
        Send<MeAnswer>(HttpMethod.Get, "/api/me", "me", null, sessionCookie, cancellationToken);

    public Task<ApiAnswer<JsonElement>> SignOut(string? sessionCookie = null, CancellationToken cancellationToken = default) =>
        Send<JsonElement>(HttpMethod.Delete, "/api/sessions/current", "sign-out", null, sessionCookie, cancellationToken);

    public Task<ApiAnswer<FirstLoginScreen>> GetFirstLogin(string firstLoginId, CancellationToken cancellationToken = default) =>
        Send<FirstLoginScreen>(HttpMethod.Get, $"/api/first-login/{Uri.EscapeDataString(firstLoginId)}", "first-login", null, cancellationToken);

    public Task<ApiAnswer<SessionAnswer>> CompleteFirstLogin(string firstLoginId, FirstLoginRequest request, CancellationToken cancellationToken = default) =>
        Send<SessionAnswer>(HttpMethod.Post, $"/api/first-login/{Uri.EscapeDataString(firstLoginId)}", "first-login", request, cancellationToken);

    // The lost password.

    public Task<ApiAnswer<ResetAnswer>> StartReset(string memberNumber, string birthDate, CancellationToken cancellationToken = default) =>
        Send<ResetAnswer>(HttpMethod.Post, "/api/password-resets", "reset", new ResetStartRequest(memberNumber, birthDate), cancellationToken);

    public Task<ApiAnswer<ResetAnswer>> GetReset(string resetId, CancellationToken cancellationToken = default) =>
        Send<ResetAnswer>(HttpMethod.Get, Reset(resetId), "reset", null, cancellationToken);

    public Task<ApiAnswer<ResetAnswer>> SubmitResetCode(string resetId, string code, CancellationToken cancellationToken = default) =>
        Send<ResetAnswer>(HttpMethod.Post, $"{Reset(resetId)}/code", "reset-code", new CodeRequest(code), cancellationToken);

    public Task<ApiAnswer<ResetAnswer>> SetNewPassword(string resetId, string password, CancellationToken cancellationToken = default) =>
        Send<ResetAnswer>(HttpMethod.Post, $"{Reset(resetId)}/password", "reset-password", new PasswordRequest(password, password), cancellationToken);

    // The development outbox (Development environment only), newest first.

    public Task<ApiAnswer<IReadOnlyList<OutboxSms>>> SmsTo(string phone, CancellationToken cancellationToken = default) =>
        Send<IReadOnlyList<OutboxSms>>(HttpMethod.Get, $"/dev/outbox/sms?to={Uri.EscapeDataString(phone)}", "outbox", null, cancellationToken);

    public Task<ApiAnswer<IReadOnlyList<OutboxLetter>>> LettersTo(string memberNumber, CancellationToken cancellationToken = default) =>
        Send<IReadOnlyList<OutboxLetter>>(HttpMethod.Get, $"/dev/outbox/letters?memberNumber={Uri.EscapeDataString(memberNumber)}", "outbox", null, cancellationToken);

    private static string Enrolment(string enrolmentId) => $"/api/enrolments/{Uri.EscapeDataString(enrolmentId)}";

    private static string Reset(string resetId) => $"/api/password-resets/{Uri.EscapeDataString(resetId)}";

    private Task<ApiAnswer<JourneyAnswer>> Step(string enrolmentId, string step, object body, CancellationToken cancellationToken) =>
        Send<JourneyAnswer>(HttpMethod.Post, $"{Enrolment(enrolmentId)}/{step}", step, body, cancellationToken);

    private Task<ApiAnswer<T>> Send<T>(HttpMethod method, string path, string route, object? body, CancellationToken cancellationToken) =>
        Send<T>(method, path, route, body, cookie: null, cancellationToken);

    private async Task<ApiAnswer<T>> Send<T>(
        HttpMethod method, string path, string route, object? body, string? cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Options.Set(RouteOption, route);
        if (body is not null)
        {
            // Serialised ahead, so that the request carries a Content-Length and leaves in one write, not chunked.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json));
            request.Content.Headers.ContentType = JsonMediaType;
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var success = response.IsSuccessStatusCode && text.Length > 0;
        return new ApiAnswer<T>(
            response.StatusCode,
            success ? JsonSerializer.Deserialize<T>(text, Json) : default,
            !response.IsSuccessStatusCode && IsJson(response) ? JsonSerializer.Deserialize<Problem>(text, Json) : null,
            text,
            SessionCookie(response));
    }

    private static bool IsJson(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;

    /// <summary>The first cookie the answer set, as <c>name=value</c>: a signed-in member's session.</summary>
    private static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split(';', 2)[0]).FirstOrDefault() : null;
}
