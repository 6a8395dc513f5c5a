using System.Net;
using System.Text.Json;

namespace Enrolment.ApiClient;

/// <summary>
/// What the gateway answered: the status, the body read as <typeparamref name="T"/> on success or as a
/// <see cref="Problem"/> otherwise, the raw text, and the session cookie it set (<c>name=value</c>), if any.
/// A refusal is an answer, not an exception: the caller decides what it expected.
/// </summary>
public sealed record ApiAnswer<T>(HttpStatusCode Status, T? Body, Problem? Problem, string Text, string? SessionCookie)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body as JSON, for what the typed records leave out.</summary>
    public JsonElement Json => Text.Length == 0 ? default : JsonDocument.Parse(Text).RootElement.Clone();

    public override string ToString() => $"{(int)Status} {Text}";
}
