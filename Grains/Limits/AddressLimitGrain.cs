using Enrolment.Grains.Interfaces.Limits;

namespace Enrolment.Grains.Limits;

/// <summary>
/// A fixed one-minute window, aligned on the cluster clock's minutes. The count is volatile on purpose: one in-memory
/// call per request and no database write; if the silo holding it dies, that address's window starts again, which
/// gives at most one extra window of tries once per crash.
/// </summary>
public sealed class AddressLimitGrain(TimeProvider time) : Grain, IAddressLimitGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private long _windowStartTicks = -1;
    private int _taken;

    public Task<LimitAnswer> TryTake(int permitsPerMinute)
    {
        var now = time.GetUtcNow().UtcTicks;
        var windowStart = now - (now % Window.Ticks);
        if (windowStart != _windowStartTicks)
        {
            _windowStartTicks = windowStart;
            _taken = 0;
        }

        if (_taken < permitsPerMinute)
        {
            _taken++;
            return Task.FromResult(new LimitAnswer(true, 0));
        }

        var left = TimeSpan.FromTicks(windowStart + Window.Ticks - now);
        return Task.FromResult(new LimitAnswer(false, Math.Max(1, (int)Math.Ceiling(left.TotalSeconds))));
    }
}
