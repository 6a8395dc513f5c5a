namespace Enrolment.Grains.Enrolments;

/// <summary>
/// The outbox (<see cref="Delivery.Outbox"/>): each message is stored before it is sent, tried once right after the
/// step that made it, then retried by the grain's <see cref="WorkTimer"/> with growing waits until sent or given up
/// (delivery is at least once; senders deduplicate on the message id). The same timer retries the account creation.
/// </summary>
public sealed partial class EnrolmentGrain
{
    private WorkTimer? _work;

    /// <summary>
    /// A first try that sent its SMS is not written at once: the step's write already holds the message, and the
    /// next write (the code step, or this activation's end) records it sent. Until then a crash leaves it queued
    /// in storage, and the next activation hands the same message, same code, to the sender once more.
    /// </summary>
    private bool _sentNotStored;

    private Outbox Outbox => new(State.Outbox);

    private bool HasPendingWork => State.PendingAccount is not null || Outbox.HasPending;

    private protected override WorkTimer Work => _work ??= new WorkTimer(this, time, logger, RunDueWorkAsync, NextDue, () => HasPendingWork, SaveWorkAsync);

    /// <summary>A new code makes any SMS still waiting useless: its code no longer works.</summary>
    private void CancelQueuedSms()
    {
        foreach (var entry in Outbox.CancelQueuedSms())
        {
            Audit(AuditKinds.SmsCancelled, $"message={entry.MessageId}");
        }
    }

    /// <summary>The first delivery try, right after the step that queued the message was stored.</summary>
    private async Task DeliverNowAsync(Guid messageId)
    {
        var now = time.GetUtcNow();
        var changed = await CreatePendingAccountAsync(now);
        if (Outbox.Pending(messageId) is { } entry && CanDeliver(entry))
        {
            using var timeout = new CancellationTokenSource(_options.DeliveryFirstTryTimeout);
            var (kind, detail) = await delivery.TryDeliverAsync(entry, MemberNumber, now, timeout.Token);
            Audit(kind, detail);
            var sentSms = entry is { Channel: DeliveryChannel.Sms, Status: DeliveryStatus.Sent };
            _sentNotStored |= sentSms;
            changed |= !sentSms;
            delivery.Trim(State.Outbox);
        }

        if (changed)
        {
            await SaveWorkAsync();
        }

        await Work.RescheduleAsync();
    }

    /// <summary>After a step that decided an account: create it, then deliver whatever it waited for.</summary>
    private async Task FinishPendingWorkAsync()
    {
        if (Outbox.PendingLetter is { } pendingLetter)
        {
            await DeliverNowAsync(pendingLetter.MessageId);
            return;
        }

        if (await CreatePendingAccountAsync(time.GetUtcNow()))
        {
            await store.WriteStateAsync();
        }

        await Work.RescheduleAsync();
    }

    private async Task<bool> RunDueWorkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = await CreatePendingAccountAsync(now);
        return await delivery.DeliverDueAsync(Outbox, CanDeliver, MemberNumber, (kind, detail) => Audit(kind, detail), now, cancellationToken) || changed;
    }

    /// <summary>A letter's code only works once its account exists, so the letter waits for it.</summary>
    private bool CanDeliver(OutboxEntry entry) => entry.Channel == DeliveryChannel.Sms || State.PendingAccount is null;

    /// <summary>The next due piece of work: a message that may go, or the account to create.</summary>
    private DateTimeOffset? NextDue(DateTimeOffset now)
    {
        var due = Outbox.NextDue(CanDeliver);
        if (State.PendingAccount is not null)
        {
            var accountDue = State.NextAccountAttemptAt ?? now;
            due = due is null || accountDue < due ? accountDue : due;
        }

        return due;
    }

    private async Task SaveWorkAsync()
    {
        delivery.Trim(State.Outbox);
        await store.WriteStateAsync(CancellationToken.None);
        _sentNotStored = false;
    }

    /// <summary>An activation that ends gracefully stores the sends no later write recorded.</summary>
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_sentNotStored)
        {
            try
            {
                await SaveWorkAsync();
            }
            catch (Exception exception)
            {
                logger.LogWarning("Sent messages could not be recorded at deactivation ({Error}); they may be sent again", exception.GetType().Name);
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }
}
