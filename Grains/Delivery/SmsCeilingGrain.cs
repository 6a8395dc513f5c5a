using System.Globalization;

namespace Enrolment.Grains.Delivery;

/// <summary>What an hour's ceiling grain keeps (state name "sms-ceiling").</summary>
[GenerateSerializer]
public sealed class SmsCeilingState
{
    [Id(0)] public int Issued { get; set; }
}

/// <summary>
/// One hour's SMS count. One activation in the cluster per hour, so every silo counts against the same ceiling.
/// The count is saved a few seconds after it changes rather than once per SMS (no database write on each code's
/// path, however many codes an hour sees), so a crash of the silo holding it forgets at most those seconds.
/// </summary>
public sealed class SmsCeilingGrain(
    [PersistentState("sms-ceiling", StorageNames.Store)] IPersistentState<SmsCeilingState> count,
    IOptionsMonitor<SmsCeilingOptions> options,
    TimeProvider time,
    ILogger<SmsCeilingGrain> logger)
    : Grain, ISmsCeilingGrain
{
    /// <summary>How long a change of the count may wait before it is saved.</summary>
    public static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? _saveTimer;
    private bool _unsaved;
    private bool _warned;

    public Task<Refusal?> TryTake()
    {
        if (count.State.Issued < options.CurrentValue.MaxPerHour)
        {
            count.State.Issued++;
            SaveSoon();
            return Task.FromResult<Refusal?>(null);
        }

        return Task.FromResult<Refusal?>(Full());
    }

    public Task<Refusal?> Check() =>
        Task.FromResult(count.State.Issued < options.CurrentValue.MaxPerHour ? null : Full());

    private Refusal Full()
    {
        var ceiling = options.CurrentValue.MaxPerHour;

        if (!_warned)
        {
            _warned = true;
            logger.LogWarning("SMS ceiling reached: {Ceiling} codes in the hour {Hour} (UTC); further codes are refused until the next hour", ceiling, this.GetPrimaryKeyString());
        }

        return new Refusal(RefusalCodes.SmsCeiling, RetryAfterSeconds: SecondsToNextHour());
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_unsaved)
        {
            await SaveAsync(cancellationToken);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private void SaveSoon()
    {
        _unsaved = true;
        _saveTimer ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(SaveDelay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        _saveTimer?.Dispose();
        _saveTimer = null;
        try
        {
            _unsaved = false;
            await count.WriteStateAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            // The count stays in memory and is tried again with the next change or on deactivation.
            _unsaved = true;
            logger.LogWarning("SMS ceiling count of the hour {Hour} could not be saved ({Error})", this.GetPrimaryKeyString(), exception.GetType().Name);
        }
    }

    private int SecondsToNextHour()
    {
        var hour = DateTime.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var left = new DateTimeOffset(hour, TimeSpan.Zero).AddHours(1) - time.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
    }
}
