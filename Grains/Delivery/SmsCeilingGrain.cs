using System.Globalization;
using Enrolment.Grains.Interfaces.Enrolments;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enrolment.Grains.Delivery;

/// <summary>
/// One hour's SMS count, kept in memory: it costs no database write per SMS, and a crash of the silo holding it
/// only restarts that hour's count (at worst one more ceiling's worth of SMS that hour), which is close enough for
/// a guard against pumping. One activation in the cluster per hour, so every silo counts against the same ceiling.
/// </summary>
public sealed class SmsCeilingGrain(IOptionsMonitor<SmsCeilingOptions> options, TimeProvider time, ILogger<SmsCeilingGrain> logger)
    : Grain, ISmsCeilingGrain
{
    private int _issued;
    private bool _warned;

    public Task<Refusal?> TryTake()
    {
        var ceiling = options.CurrentValue.MaxPerHour;
        if (_issued < ceiling)
        {
            _issued++;
            return Task.FromResult<Refusal?>(null);
        }

        if (!_warned)
        {
            _warned = true;
            logger.LogWarning("SMS ceiling reached: {Ceiling} codes in the hour {Hour} (UTC); further codes are refused until the next hour", ceiling, this.GetPrimaryKeyString());
        }

        return Task.FromResult<Refusal?>(new Refusal(RefusalCodes.SmsCeiling, RetryAfterSeconds: SecondsToNextHour()));
    }

    private int SecondsToNextHour()
    {
        var hour = DateTime.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var left = new DateTimeOffset(hour, TimeSpan.Zero).AddHours(1) - time.GetUtcNow();
        return Math.Max(1, (int)Math.Ceiling(left.TotalSeconds));
    }
}
