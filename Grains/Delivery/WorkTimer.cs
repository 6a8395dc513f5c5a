namespace Enrolment.Grains.Delivery;

/// <summary>
/// A grain's one timer for the work it owes after a step (deliveries, an account to create), with the reminder
/// that wakes the grain when its silo died (<see cref="PendingWorkReminder"/>). The grain says what is due and does
/// it; this arms the timer for the next due instant, stores what changed and keeps the reminder while work remains.
/// </summary>
public sealed class WorkTimer(
    Grain grain,
    TimeProvider time,
    ILogger logger,
    Func<DateTimeOffset, CancellationToken, Task<bool>> runDue,
    Func<DateTimeOffset, DateTimeOffset?> nextDue,
    Func<bool> hasPending,
    Func<Task> save)
{
    /// <summary>The soonest a deactivated grain is woken again: its next activation needs the silos settled.</summary>
    private static readonly TimeSpan MinimumWake = TimeSpan.FromSeconds(1);

    private readonly PendingWorkReminder _reminder = new(grain);
    private IGrainTimer? _timer;

    /// <summary>Woken by the reminder: activating re-armed the timer for what is pending; with nothing left, it goes.</summary>
    public Task OnReminderAsync() => _reminder.OnTickAsync(hasPending());

    /// <summary>After a try outside the timer: arm the timer for what is left, keep the reminder while it is.</summary>
    public async Task RescheduleAsync()
    {
        Schedule(time.GetUtcNow());
        await _reminder.KeepWhileAsync(hasPending());
    }

    public void ScheduleNow() => Schedule(time.GetUtcNow());

    /// <summary>
    /// An activation that goes while work is pending (its directory partition's silo died, the silo stops) leaves
    /// the reminder behind, even when registering it failed earlier, due when the work is (not a whole period
    /// later): without it nothing would wake the grain again, and its timer goes with it.
    /// </summary>
    public async Task OnDeactivateAsync()
    {
        var now = time.GetUtcNow();
        if (!hasPending() || nextDue(now) is not { } due)
        {
            return;
        }

        try
        {
            var wait = Math.Clamp((due - now).Ticks, MinimumWake.Ticks, PendingWorkReminder.Period.Ticks);
            await _reminder.WakeAfterAsync(TimeSpan.FromTicks(wait));
        }
        catch (Exception exception)
        {
            logger.LogWarning("Pending work left without a reminder at deactivation ({Error}); it waits for the grain's next call", exception.GetType().Name);
        }
    }

    /// <summary>Arms the timer for the next due piece of work, or parks it when nothing is pending.</summary>
    public void Schedule(DateTimeOffset now)
    {
        var due = nextDue(now);
        if (due is null)
        {
            _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }

        var wait = due.Value > now ? due.Value - now : TimeSpan.Zero;
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(RunAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            _timer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (await runDue(now, cancellationToken))
            {
                await save();
            }

            await _reminder.KeepWhileAsync(hasPending());
        }
        catch (Exception exception)
        {
            // Storage unavailable: what was sent may be sent again after a restart (receivers deduplicate on the
            // message id); what is still pending keeps its schedule below.
            logger.LogWarning("Pending work could not be saved ({Error})", exception.GetType().Name);
        }
        finally
        {
            Schedule(now);
        }
    }
}
