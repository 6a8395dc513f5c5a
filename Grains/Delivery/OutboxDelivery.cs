using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Operations;

namespace Enrolment.Grains.Delivery;

/// <summary>
/// Hands one outbox entry to its sender and records the outcome on the entry: sent (its secret erased), tried again
/// later after a doubling wait, or given up. Shared by every grain that keeps an outbox (enrolment, lost password);
/// each grain stores its entries, arms its own timer and writes the returned event to its audit trail.
/// </summary>
public sealed class OutboxDelivery(
    ISmsSender smsSender,
    ILetterSender letterSender,
    TimeProvider time,
    ProductMetrics metrics,
    IOptions<EnrolmentOptions> options,
    ILogger<OutboxDelivery> logger)
{
    private readonly EnrolmentOptions _options = options.Value;

    /// <summary>One try; returns what to audit (kind and detail, never a secret).</summary>
    public async Task<(string Kind, string Detail)> TryDeliverAsync(
        OutboxEntry entry, string memberNumber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var kind = entry.Channel == DeliveryChannel.Sms ? "sms" : "letter";
        var (sent, retry, failed) = entry.Channel == DeliveryChannel.Sms
            ? (AuditKinds.SmsSent, AuditKinds.SmsRetry, AuditKinds.SmsFailed)
            : (AuditKinds.LetterSent, AuditKinds.LetterRetry, AuditKinds.LetterFailed);
        entry.Attempts++;
        try
        {
            if (entry.Channel == DeliveryChannel.Sms)
            {
                await smsSender.SendAsync(new SmsMessage(entry.MessageId, entry.Phone!, entry.Secret!), cancellationToken);
            }
            else
            {
                await letterSender.SendAsync(
                    new LetterMessage(entry.MessageId, memberNumber, entry.RecipientName!, entry.Address!, entry.Secret!, entry.CreatedAt, entry.CodeExpiresAt!.Value),
                    cancellationToken);
            }

            entry.Status = DeliveryStatus.Sent;
            entry.SentAt = time.GetUtcNow();
            entry.Secret = null;
            metrics.DeliveryAttempt(entry.Channel, "sent");
            return (sent, $"message={entry.MessageId};attempt={entry.Attempts}");
        }
        catch (Exception exception)
        {
            // Only the exception's type is kept: a provider's message could quote the phone number.
            if (entry.Attempts >= _options.DeliveryAttempts)
            {
                entry.Status = DeliveryStatus.Failed;
                entry.Secret = null;
                metrics.DeliveryAttempt(entry.Channel, "failed");
                logger.LogError("Outbox {Kind} {MessageId} given up after {Attempts} tries", kind, entry.MessageId, entry.Attempts);
                return (failed, $"message={entry.MessageId};attempts={entry.Attempts};error={exception.GetType().Name}");
            }

            entry.NextAttemptAt = now + Backoff(entry.Attempts);
            metrics.DeliveryAttempt(entry.Channel, "retry");
            return (retry, $"message={entry.MessageId};attempt={entry.Attempts};error={exception.GetType().Name}");
        }
    }

    /// <summary>One try for each message due; returns whether any was tried (the outbox then needs storing).</summary>
    public async Task<bool> DeliverDueAsync(
        Outbox outbox, Func<OutboxEntry, bool> canDeliver, string memberNumber, Action<string, string> audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = outbox.Due(now, canDeliver);
        foreach (var entry in due)
        {
            var (kind, detail) = await TryDeliverAsync(entry, memberNumber, now, cancellationToken);
            audit(kind, detail);
        }

        return due.Count > 0;
    }

    /// <summary>Keeps every pending message and the most recent finished ones.</summary>
    public void Trim(List<OutboxEntry> outbox)
    {
        var finished = outbox.Where(e => !e.IsPending).ToList();
        var excess = finished.Count - _options.OutboxHistoryLength;
        if (excess > 0)
        {
            var drop = finished.OrderBy(e => e.CreatedAt).Take(excess).ToHashSet();
            outbox.RemoveAll(drop.Contains);
        }
    }

    /// <summary>The wait after the given number of failed tries: doubling from the first wait, capped.</summary>
    public TimeSpan Backoff(int failedTries)
    {
        var wait = _options.DeliveryFirstBackoff * Math.Pow(2, Math.Min(failedTries - 1, 20));
        return wait < _options.DeliveryMaxBackoff ? wait : _options.DeliveryMaxBackoff;
    }
}
