namespace Enrolment.Grains.Accounts;

internal static class AuditTrail
{
    /// <summary>Appends an event, dropping the oldest beyond <paramref name="keep"/>.</summary>
    public static void Append(List<AuditEvent> trail, AuditEvent auditEvent, int keep)
    {
        trail.Add(auditEvent);
        if (trail.Count > keep)
        {
            trail.RemoveRange(0, trail.Count - keep);
        }
    }
}
