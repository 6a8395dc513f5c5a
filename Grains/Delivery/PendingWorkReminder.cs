namespace Enrolment.Grains.Delivery;

/// <summary>
/// Keeps an Orleans reminder registered while a grain holds work that its timer would do: a message not yet
/// delivered, an account not yet created. A timer dies with its silo; a reminder is stored in the database and wakes
/// the grain on another silo, whose activation takes the work up again. It is registered only once a first try left
/// something pending and removed once nothing is, so a journey that goes well writes no reminder.
/// </summary>
public sealed class PendingWorkReminder(Grain grain)
{
    public const string Name = "pending-work";

    /// <summary>Orleans' shortest reminder period: how long a crashed silo's pending work may wait.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    private IGrainReminder? _registered;

    /// <summary>Registers or removes the reminder so that it exists exactly while <paramref name="pending"/>.</summary>
    public async Task KeepWhileAsync(bool pending)
    {
        if (pending && _registered is null)
        {
            _registered = await grain.RegisterOrUpdateReminder(Name, Period, Period);
        }
        else if (!pending && _registered is not null)
        {
            await grain.UnregisterReminder(_registered);
            _registered = null;
        }
    }

    /// <summary>
    /// Registers the reminder (or moves it) so that its first tick comes after <paramref name="due"/> rather than a
    /// whole period: for an activation that goes while its work is pending, whose timer goes with it.
    /// </summary>
    public async Task WakeAfterAsync(TimeSpan due) => _registered = await grain.RegisterOrUpdateReminder(Name, due, Period);

    /// <summary>
    /// A tick: while work is pending the reminder stays; otherwise it goes, even when this activation never
    /// registered it (the silo that did crashed after finishing the work).
    /// </summary>
    public async Task OnTickAsync(bool pending)
    {
        _registered ??= await grain.GetReminder(Name);
        await KeepWhileAsync(pending);
    }
}
