namespace Enrolment.Grains.Codes;

/// <summary>
/// How often codes may be sent: at most <see cref="PerJourney"/> in one journey, <see cref="PerMember"/> to one member
/// within a sliding <see cref="Window"/>, and never two closer than <see cref="Spacing"/>.
/// </summary>
public sealed record CodeSendLimits(int PerJourney, int PerMember, TimeSpan Window, TimeSpan Spacing)
{
    /// <summary>
    /// Whether one more code may be sent now, given the instants codes were sent to this member (any journey) and
    /// how many this journey already sent. When refused, how long to wait; null when waiting will not help
    /// (the journey has used its codes and the member must start again).
    /// </summary>
    public SendVerdict Check(IEnumerable<DateTimeOffset> memberSends, int sentInJourney, DateTimeOffset now)
    {
        if (sentInJourney >= PerJourney)
        {
            return SendVerdict.Refused(null);
        }

        var recent = memberSends.Where(at => at > now - Window).Order().ToList();
        var wait = TimeSpan.Zero;
        if (recent.Count >= PerMember)
        {
            // The oldest sends must leave the window until one slot is free.
            wait = recent[recent.Count - PerMember] + Window - now;
        }

        if (recent.Count > 0 && recent[^1] + Spacing > now)
        {
            wait = TimeSpan.FromTicks(Math.Max(wait.Ticks, (recent[^1] + Spacing - now).Ticks));
        }

        return wait > TimeSpan.Zero ? SendVerdict.Refused(wait) : SendVerdict.Allowed;
    }

    /// <summary>The sends still worth keeping: those inside the window.</summary>
    public List<DateTimeOffset> Prune(IEnumerable<DateTimeOffset> memberSends, DateTimeOffset now) =>
        [.. memberSends.Where(at => at > now - Window)];
}

public readonly record struct SendVerdict(bool IsAllowed, TimeSpan? RetryAfter)
{
    public static SendVerdict Allowed => new(true, null);

    public static SendVerdict Refused(TimeSpan? retryAfter) => new(false, retryAfter);

    /// <summary>Whole seconds to wait, rounded up, as HTTP's Retry-After counts them.</summary>
    public int? RetryAfterSeconds => RetryAfter is { } wait ? (int)Math.Ceiling(wait.TotalSeconds) : null;
}
