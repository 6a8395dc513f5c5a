namespace Enrolment.Grains.Delivery;

/// <summary>
/// A message to deliver, written in the same state write as the code it carries, so that a crash cannot lose it.
/// It holds the code in clear until it is sent, because the grain keeps only a hash of the code and could not
/// rebuild the message otherwise; the clear code is erased as soon as the message is sent or given up.
/// </summary>
[GenerateSerializer]
public sealed class OutboxEntry
{
    [Id(0)] public Guid MessageId { get; set; }

    [Id(1)] public Guid JourneyId { get; set; }

    [Id(2)] public DeliveryChannel Channel { get; set; }

    [Id(3)] public DeliveryStatus Status { get; set; }

    /// <summary>SMS: the ten-digit phone.</summary>
    [Id(4)] public string? Phone { get; set; }

    /// <summary>SMS: the whole text, or letter: the provisional code. Erased once sent, failed or cancelled.</summary>
    [Id(5)] public string? Secret { get; set; }

    /// <summary>Letter: who and where.</summary>
    [Id(6)] public string? RecipientName { get; set; }

    [Id(7)] public PostalAddress? Address { get; set; }

    [Id(8)] public DateTimeOffset? CodeExpiresAt { get; set; }

    [Id(9)] public int Attempts { get; set; }

    [Id(10)] public DateTimeOffset CreatedAt { get; set; }

    [Id(11)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(12)] public DateTimeOffset? SentAt { get; set; }

    public bool IsPending => Status == DeliveryStatus.Queued;
}

public enum DeliveryStatus
{
    Queued,
    Sent,
    Failed,

    /// <summary>Replaced by a newer code before it could be sent: its code no longer works.</summary>
    Cancelled,
}
