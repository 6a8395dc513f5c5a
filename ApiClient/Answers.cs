namespace Enrolment.ApiClient;

/// <summary>A journey at its current step; the identity only while it is confirmed, the masked phone while it matters.</summary>
public sealed record JourneyAnswer(
    string EnrolmentId, string Step, IdentityAnswer? Identity, string? MaskedPhone, DateTimeOffset? CodeExpiresAt, int? CodeLength);

public sealed record IdentityAnswer(string FullName, string Address);

/// <summary><c>signed-in</c>, or <c>first-login</c> with the id of the first-login screen.</summary>
public sealed record SessionAnswer(string Status, string? FirstLoginId);

public sealed record FirstLoginScreen(string Email);

public sealed record MeAnswer(string MemberNumber, string FullName, string Email);

public sealed record ResetAnswer(string ResetId, string Step, string? MaskedPhone, DateTimeOffset? CodeExpiresAt, int? CodeLength);

/// <summary>One message of the development outbox (newest first in its lists).</summary>
public sealed record OutboxSms(string To, string Text, DateTimeOffset SentAt);

public sealed record OutboxLetter(string MemberNumber, string RecipientName, string Address, string Text, DateTimeOffset SentAt);

/// <summary>The problem body of a refusal: its <c>code</c> and what comes with it.</summary>
public sealed record Problem(
    int Status,
    string? Code,
    string? Title,
    string? Step,
    int? AttemptsLeft,
    int? RetryAfterSeconds,
    IReadOnlyDictionary<string, string[]>? Errors);
