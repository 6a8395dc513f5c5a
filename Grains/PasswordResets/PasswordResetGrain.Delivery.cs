using Enrolment.Grains.Delivery;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Microsoft.Extensions.Logging;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// The reset's outbox, delivered like the enrolment's (<see cref="Delivery.OutboxDelivery"/>): stored in the same
/// write as the code it carries, tried right away, then retried by a grain timer until sent or given up.
/// A re-activated grain picks up whatever is still pending, and a reminder wakes the grain for it when its silo
/// died after a failed try (<see cref="PendingWorkReminder"/>).
/// </summary>
public sealed partial class PasswordResetGrain : IRemindable
{
    private IGrainTimer? _retryTimer;
    private PendingWorkReminder? _reminder;

    private PendingWorkReminder Reminder => _reminder ??= new PendingWorkReminder(this);

    private bool HasPendingWork => State.Outbox.Exists(e => e.IsPending);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleRetry(time.GetUtcNow());
        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>Woken by the reminder: activating re-armed the timer for what is pending; with nothing left, it goes.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Reminder.OnTickAsync(HasPendingWork);

    private void QueueSms(string phone, string code, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Sms,
            Phone = phone,
            Secret = $"Votre code pour changer le mot de passe de votre espace personnel : {code}. Il est valable {_codes.CodeLifetime.TotalMinutes:0} minutes.",
            CodeExpiresAt = expiresAt,
        }, now);

    private void QueueLetter(MemberRecord member, string provisionalCode, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Letter,
            Secret = provisionalCode,
            RecipientName = member.FullName,
            Address = member.Address,
            CodeExpiresAt = expiresAt,
        }, now);

    private void Enqueue(OutboxEntry entry, DateTimeOffset now)
    {
        entry.MessageId = Guid.NewGuid();
        entry.JourneyId = State.ResetId;
        entry.Status = DeliveryStatus.Queued;
        entry.CreatedAt = now;
        entry.NextAttemptAt = now;
        State.Outbox.Add(entry);
    }

    /// <summary>A new request voids the previous code: an SMS not yet sent is not sent at all.</summary>
    private void CancelQueuedSms(DateTimeOffset now)
    {
        foreach (var entry in State.Outbox.Where(e => e is { IsPending: true, Channel: DeliveryChannel.Sms }))
        {
            entry.Status = DeliveryStatus.Cancelled;
            entry.Secret = null;
            Audit(now, "sms-cancelled", $"message={entry.MessageId}");
        }
    }

    /// <summary>Every due message gets one try; then the timer is armed for whatever is left.</summary>
    private async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var due = State.Outbox.Where(e => e.IsPending && e.NextAttemptAt <= now).ToList();
            foreach (var entry in due)
            {
                var (kind, detail) = await delivery.TryDeliverAsync(entry, MemberNumber, now, cancellationToken);
                Audit(now, kind, detail);
            }

            if (due.Count > 0)
            {
                delivery.Trim(State.Outbox);
                await reset.WriteStateAsync(CancellationToken.None);
            }

            await Reminder.KeepWhileAsync(HasPendingWork);
        }
        catch (Exception exception)
        {
            // Storage unavailable: what was sent may be sent again after a restart (receivers deduplicate on the
            // message id); what is still pending keeps its schedule below.
            logger.LogWarning("Lost-password outbox could not be saved ({Error})", exception.GetType().Name);
        }
        finally
        {
            ScheduleRetry(now);
        }
    }

    private void ScheduleRetry(DateTimeOffset now)
    {
        var due = State.Outbox.Where(e => e.IsPending).Select(e => (DateTimeOffset?)e.NextAttemptAt).Min();
        if (due is null)
        {
            _retryTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = due.Value > now ? due.Value - now : TimeSpan.Zero;
        if (_retryTimer is null)
        {
            _retryTimer = this.RegisterGrainTimer(DeliverDueAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _retryTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }
}
