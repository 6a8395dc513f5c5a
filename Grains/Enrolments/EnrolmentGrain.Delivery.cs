using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Enrolments;
using Microsoft.Extensions.Logging;

namespace Enrolment.Grains.Enrolments;

/// <summary>
/// The outbox: each message is stored before it is sent, tried once right after the step that made it, then
/// retried by a grain timer with growing waits until sent or given up (delivery is at least once; senders
/// deduplicate on the message id). A re-activated grain picks up whatever is still pending, and a reminder wakes
/// the grain for it when its silo died (<see cref="PendingWorkReminder"/>).
/// </summary>
public sealed partial class EnrolmentGrain : IRemindable
{
    private IGrainTimer? _workTimer;
    private PendingWorkReminder? _reminder;

    private PendingWorkReminder Reminder => _reminder ??= new PendingWorkReminder(this);

    private bool HasPendingWork => State.PendingAccount is not null || State.Outbox.Exists(e => e.IsPending);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleWork(time.GetUtcNow());
        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>Woken by the reminder: activating re-armed the timer for what is pending; with nothing left, it goes.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Reminder.OnTickAsync(HasPendingWork);

    private OutboxEntry Enqueue(OutboxEntry entry, DateTimeOffset now)
    {
        entry.MessageId = Guid.NewGuid();
        entry.Status = DeliveryStatus.Queued;
        entry.CreatedAt = now;
        entry.NextAttemptAt = now;
        State.Outbox.Add(entry);
        return entry;
    }

    /// <summary>A new code makes any SMS still waiting useless: its code no longer works.</summary>
    private void CancelQueuedSms()
    {
        foreach (var entry in State.Outbox.Where(e => e is { IsPending: true, Channel: DeliveryChannel.Sms }))
        {
            entry.Status = DeliveryStatus.Cancelled;
            entry.Secret = null;
            Audit("sms-cancelled", $"message={entry.MessageId}");
        }
    }

    /// <summary>The first delivery try, right after the step that queued the message was stored.</summary>
    private async Task DeliverNowAsync(Guid messageId)
    {
        var now = time.GetUtcNow();
        var changed = await CreatePendingAccountAsync(now);
        if (State.Outbox.Find(e => e.MessageId == messageId && e.IsPending) is { } entry && CanDeliver(entry))
        {
            using var timeout = new CancellationTokenSource(_options.DeliveryFirstTryTimeout);
            await TryDeliverAsync(entry, now, timeout.Token);
            changed = true;
        }

        if (changed)
        {
            TrimOutbox();
            await store.WriteStateAsync();
        }

        ScheduleWork(now);
        await Reminder.KeepWhileAsync(HasPendingWork);
    }

    /// <summary>After a step that decided an account: create it, then deliver whatever it waited for.</summary>
    private async Task FinishPendingWorkAsync()
    {
        var pendingLetter = State.Outbox.Find(e => e is { IsPending: true, Channel: DeliveryChannel.Letter });
        if (pendingLetter is not null)
        {
            await DeliverNowAsync(pendingLetter.MessageId);
            return;
        }

        if (await CreatePendingAccountAsync(time.GetUtcNow()))
        {
            await store.WriteStateAsync();
        }

        ScheduleWork(time.GetUtcNow());
        await Reminder.KeepWhileAsync(HasPendingWork);
    }

    private async Task RunDueWorkAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var changed = await CreatePendingAccountAsync(now);
            foreach (var entry in State.Outbox.Where(e => e.IsPending && e.NextAttemptAt <= now && CanDeliver(e)).ToList())
            {
                await TryDeliverAsync(entry, now, cancellationToken);
                changed = true;
            }

            if (changed)
            {
                TrimOutbox();
                await store.WriteStateAsync(CancellationToken.None);
            }

            await Reminder.KeepWhileAsync(HasPendingWork);
        }
        catch (Exception exception)
        {
            // Storage unavailable: what was sent may be sent again after a restart (receivers deduplicate on the
            // message id); what is still pending keeps its schedule below.
            logger.LogWarning("Enrolment outbox could not be saved ({Error})", exception.GetType().Name);
        }
        finally
        {
            ScheduleWork(now);
        }
    }

    /// <summary>A letter's code only works once its account exists, so the letter waits for it.</summary>
    private bool CanDeliver(OutboxEntry entry) => entry.Channel == DeliveryChannel.Sms || State.PendingAccount is null;

    private async Task TryDeliverAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (kind, detail) = await delivery.TryDeliverAsync(entry, MemberNumber, now, cancellationToken);
        Audit(kind, detail);
    }

    /// <summary>Arms the timer for the next due piece of work, or parks it when nothing is pending.</summary>
    private void ScheduleWork(DateTimeOffset now)
    {
        var due = State.Outbox.Where(e => e.IsPending && CanDeliver(e)).Select(e => (DateTimeOffset?)e.NextAttemptAt).Min();
        if (State.PendingAccount is not null)
        {
            var accountDue = State.NextAccountAttemptAt ?? now;
            due = due is null || accountDue < due ? accountDue : due;
        }

        if (due is null)
        {
            _workTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = due.Value > now ? due.Value - now : TimeSpan.Zero;
        if (_workTimer is null)
        {
            _workTimer = this.RegisterGrainTimer(RunDueWorkAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _workTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void TrimOutbox() => delivery.Trim(State.Outbox);
}
