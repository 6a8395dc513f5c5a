namespace Enrolment.Grains.FranceConnect;

[GenerateSerializer]
public sealed class FranceConnectLinkState
{
    [Id(0)] public string? MemberNumber { get; set; }

    [Id(1)] public int FailuresInARow { get; set; }

    [Id(2)] public DateTimeOffset? LockedUntil { get; set; }

    [Id(3)] public List<AuditEvent> Audit { get; set; } = [];
}
