namespace Enrolment.Grains.Enrolments;

/// <summary>Everything one member's enrolment grain keeps, in one storage row (state name "enrolment").</summary>
[GenerateSerializer]
public sealed class EnrolmentState
{
    [Id(0)] public Journey? Current { get; set; }

    /// <summary>When codes were sent to this member, any journey, inside the sliding window.</summary>
    [Id(1)] public List<DateTimeOffset> CodeSends { get; set; } = [];

    /// <summary>When this member's journeys were voided by failed checks, inside the sliding window.</summary>
    [Id(2)] public List<DateTimeOffset> VoidJourneys { get; set; } = [];

    [Id(3)] public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>A journey finished (password set, or letter posted with the account created).</summary>
    [Id(4)] public bool Enrolled { get; set; }

    [Id(5)] public List<OutboxEntry> Outbox { get; set; } = [];

    /// <summary>An account decided but not yet confirmed created by the account grain; retried until it is.</summary>
    [Id(6)] public NewAccount? PendingAccount { get; set; }

    [Id(7)] public int AccountCreationAttempts { get; set; }

    [Id(8)] public DateTimeOffset? NextAccountAttemptAt { get; set; }

    [Id(9)] public List<AuditEvent> Audit { get; set; } = [];

    /// <summary>When this member's wrong member numbers were typed, any journey, inside the sliding window.</summary>
    [Id(10)] public List<DateTimeOffset> MemberNumberMismatches { get; set; } = [];
}
