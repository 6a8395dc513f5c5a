using Enrolment.ApiClient;

namespace Enrolment.LoadTest.Engine;

/// <summary>What one request came to: the gateway's answer, or the transport error that left none.</summary>
internal sealed record StepAnswer<T>(ApiAnswer<T>? Answer, string? TransportError)
{
    /// <summary>An answer whose body could not be read: unexpected, but not lost (replaying would get the same).</summary>
    public const string Unreadable = "unreadable-answer";

    public bool IsSuccess => Answer is { IsSuccess: true };

    /// <summary>Whether the answer may have been lost on the way, so that replaying the step is the right move.</summary>
    public bool IsLost => TransportError is { } error ? error != Unreadable : (int)Answer!.Status >= 500;

    /// <summary>How an unexpected answer is counted: its problem code, else <c>http-NNN</c>, else the transport error.</summary>
    public string ErrorName => TransportError ?? Answer!.Problem?.Code ?? $"http-{(int)Answer.Status}";
}
