using System.Globalization;

namespace Enrolment.Grains.Delivery;

/// <summary>
/// The one-time code engine shared by the enrolment and the lost password: how long a code is, how long it
/// works, how many wrong tries it takes, how often one may be sent; and what a typed code means.
/// </summary>
public sealed record CodeRules(int Length, TimeSpan Lifetime, int Attempts, CodeSendLimits SendLimits)
{
    /// <summary>Whether one more code may be sent; the refusal to answer when not.</summary>
    public Refusal? SendRefusal(IEnumerable<DateTimeOffset> memberSends, int sentInFlow, DateTimeOffset now, out SendVerdict verdict)
    {
        verdict = SendLimits.Check(memberSends, sentInFlow, now);
        return verdict.IsAllowed ? null : new Refusal(RefusalCodes.TooManyCodes, RetryAfterSeconds: verdict.RetryAfterSeconds);
    }

    /// <summary>The send history once a code is sent now: what is still inside the window, and now.</summary>
    public List<DateTimeOffset> RecordSend(IEnumerable<DateTimeOffset> memberSends, DateTimeOffset now) =>
        [.. SendLimits.Prune(memberSends, now), now];

    public (string Code, IssuedCode Record) Issue(DateTimeOffset now) => OneTimeCodes.Issue(Length, Lifetime, Attempts, now);

    public static (CodeVerdict Verdict, IssuedCode Record) Check(IssuedCode record, string? typed, DateTimeOffset now) =>
        OneTimeCodes.Verify(record, typed, now);

    /// <summary>What a wrong or late code answers; null for a code accepted or one that voids the flow.</summary>
    public static Refusal? RefusalFor(CodeVerdict verdict, IssuedCode record) => verdict switch
    {
        CodeVerdict.Mismatch => new Refusal(RefusalCodes.CodeMismatch, AttemptsLeft: record.AttemptsLeft),
        CodeVerdict.Expired => new Refusal(RefusalCodes.CodeExpired),
        _ => null,
    };

    /// <summary>The SMS that carries a code: what it is for, the code, and how long it works.</summary>
    public string SmsText(string purpose, string code) => string.Create(
        CultureInfo.InvariantCulture, $"{purpose} : {code}. Il est valable {Lifetime.TotalMinutes:0} minutes.");
}
