namespace Enrolment.Grains.Enrolments;

/// <summary>
/// Every rule and limit of an enrolment (docs/enrolment.md), bound from the <c>Enrolment</c> section.
/// The provisional code's lifetime and the audit length are the accounts' (<see cref="Accounts.AccountOptions"/>),
/// set once for every flow.
/// </summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    public int CodeLength { get; set; } = 6;

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes allowed per code; the last one voids the code and the journey.</summary>
    public int CodeAttempts { get; set; } = 3;

    public int CodesPerJourney { get; set; } = 3;

    public int CodesPerMember { get; set; } = 5;

    public TimeSpan CodesPerMemberWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CodeSpacing { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Member-number mismatches allowed per journey; the last one voids the journey.</summary>
    public int MemberNumberAttempts { get; set; } = 3;

    public int VoidJourneysBeforeLock { get; set; } = 5;

    /// <summary>
    /// Member-number mismatches of one member, over every journey, that lock the enrolment; by default as many as
    /// five void journeys hold, so that starting again after two wrong numbers gains nothing.
    /// </summary>
    public int MemberNumberMismatchesBeforeLock { get; set; } = 15;

    public TimeSpan MemberNumberMismatchesWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan VoidJourneysWindow { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan LockDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>An unfinished journey expires this long after its last successful step.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromMinutes(30);

    public int ProvisionalCodeLength { get; set; } = 10;

    /// <summary>Delivery tries of one SMS or letter before it is marked failed.</summary>
    public int DeliveryAttempts { get; set; } = 6;

    /// <summary>Wait before the second try; doubled for each further try, up to <see cref="DeliveryMaxBackoff"/>.</summary>
    public TimeSpan DeliveryFirstBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan DeliveryMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delivered or given-up messages kept for support, besides those still pending.</summary>
    public int OutboxHistoryLength { get; set; } = 20;

    public static bool AreSound(EnrolmentOptions o) =>
        o.CodeLength is >= 4 and <= 9
        && new[] { o.CodeAttempts, o.CodesPerJourney, o.CodesPerMember, o.MemberNumberAttempts, o.VoidJourneysBeforeLock, o.MemberNumberMismatchesBeforeLock, o.ProvisionalCodeLength, o.DeliveryAttempts }.All(n => n > 0)
        && new[] { o.CodeLifetime, o.CodesPerMemberWindow, o.VoidJourneysWindow, o.MemberNumberMismatchesWindow, o.LockDuration, o.IdleExpiry, o.DeliveryFirstBackoff, o.DeliveryMaxBackoff, o.DeliveryFirstTryTimeout }.All(t => t > TimeSpan.Zero)
        && o.CodeSpacing >= TimeSpan.Zero
        && o.OutboxHistoryLength >= 0;

    public CodeSendLimits CodeSendLimits => new(CodesPerJourney, CodesPerMember, CodesPerMemberWindow, CodeSpacing);

    /// <summary>The one-time code rules, shared with the lost password.</summary>
    public CodeRules Codes => new(CodeLength, CodeLifetime, CodeAttempts, CodeSendLimits);

    /// <summary>How long a step waits for the first delivery try before leaving it to the retry timer.</summary>
    public TimeSpan DeliveryFirstTryTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
