namespace Enrolment.Grains.Delivery;

/// <summary>
/// A grain that owes work after its steps (an outbox to deliver, an account to create): each activation arms its
/// <see cref="WorkTimer"/> for what is still pending, and the reminder wakes it when its silo died.
/// </summary>
public abstract class PendingWorkGrain : Grain, IRemindable
{
    private protected abstract WorkTimer Work { get; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Work.ScheduleNow();
        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await Work.OnDeactivateAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Woken by the reminder: activating re-armed the timer for what is pending; with nothing left, it goes.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status) => Work.OnReminderAsync();
}
