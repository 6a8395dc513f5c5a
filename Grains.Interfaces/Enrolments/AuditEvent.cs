namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>One thing that happened to a member's enrolment or account, for support; never a secret.</summary>
[GenerateSerializer, Immutable]
public sealed record AuditEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Detail = null);
