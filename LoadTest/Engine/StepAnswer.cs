using System.Text.Json;

namespace Enrolment.LoadTest.Engine;

/// <summary>What the gateway answered to one request: status, JSON body, problem <c>code</c>, session cookie.</summary>
internal sealed record StepAnswer(int Status, JsonElement Body, string? ProblemCode, string? SessionCookie, string? TransportError)
{
    public bool IsSuccess => TransportError is null && Status is >= 200 and < 300;

    /// <summary>Whether the answer may have been lost on the way, so that replaying the step is the right move.</summary>
    public bool IsLost => TransportError is not null || Status >= 500;

    /// <summary>How an unexpected answer is counted: its problem code, else <c>http-NNN</c>, else the transport error.</summary>
    public string ErrorName => TransportError ?? ProblemCode ?? $"http-{Status}";

    public string? Text(string property) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static StepAnswer Transport(string error) => new(0, default, null, null, error);
}
