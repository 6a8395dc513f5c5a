namespace Enrolment.Grains.Delivery;

/// <summary>
/// The outbox a grain keeps in its state (enrolment, lost password): messages stored in the same write as the code
/// they carry, so that a crash cannot lose one. This wraps the stored list; it keeps nothing itself.
/// </summary>
public sealed class Outbox(List<OutboxEntry> entries)
{
    public bool HasPending => entries.Exists(e => e.IsPending);

    /// <summary>Queues a message of the flow <paramref name="flowId"/>, due at once.</summary>
    public OutboxEntry Enqueue(OutboxEntry entry, Guid flowId, DateTimeOffset now)
    {
        entry.MessageId = Guid.NewGuid();
        entry.JourneyId = flowId;
        entry.Status = DeliveryStatus.Queued;
        entry.CreatedAt = now;
        entry.NextAttemptAt = now;
        entries.Add(entry);
        return entry;
    }

    /// <summary>A new code makes any SMS still waiting useless: its code no longer works. Returns those cancelled.</summary>
    public List<OutboxEntry> CancelQueuedSms()
    {
        var cancelled = entries.Where(e => e is { IsPending: true, Channel: Interfaces.Enrolments.DeliveryChannel.Sms }).ToList();
        foreach (var entry in cancelled)
        {
            entry.Status = DeliveryStatus.Cancelled;
            entry.Secret = null;
        }

        return cancelled;
    }

    public OutboxEntry? Pending(Guid messageId) => entries.Find(e => e.MessageId == messageId && e.IsPending);

    public OutboxEntry? PendingLetter => entries.Find(e => e is { IsPending: true, Channel: Interfaces.Enrolments.DeliveryChannel.Letter });

    /// <summary>The pending messages whose next try is due and that <paramref name="canDeliver"/> lets go.</summary>
    public List<OutboxEntry> Due(DateTimeOffset now, Func<OutboxEntry, bool> canDeliver) =>
        [.. entries.Where(e => e.IsPending && e.NextAttemptAt <= now && canDeliver(e))];

    /// <summary>When the next pending message that may go is due; null when none is.</summary>
    public DateTimeOffset? NextDue(Func<OutboxEntry, bool> canDeliver) =>
        entries.Where(e => e.IsPending && canDeliver(e)).Select(e => (DateTimeOffset?)e.NextAttemptAt).Min();

    public List<OutboxEntry> Entries => entries;
}
