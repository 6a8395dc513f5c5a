namespace Enrolment.LoadTest.Metrics;

/// <summary>Event counts per second of the run, so that rates can be read over any window (e.g. after the ramp-up).</summary>
internal sealed class PerSecond(TimeSpan maxTime)
{
    private readonly long[] _counts = new long[(int)Math.Ceiling(maxTime.TotalSeconds) + 2];

    public void Add(TimeSpan sinceStart)
    {
        var second = Math.Clamp((int)sinceStart.TotalSeconds, 0, _counts.Length - 1);
        Interlocked.Increment(ref _counts[second]);
    }

    /// <summary>Events per second between two instants of the run (whole seconds).</summary>
    public double RateBetween(TimeSpan from, TimeSpan to)
    {
        var first = Math.Clamp((int)Math.Ceiling(from.TotalSeconds), 0, _counts.Length);
        var last = Math.Clamp((int)Math.Floor(to.TotalSeconds), 0, _counts.Length);
        if (last <= first)
        {
            return 0;
        }

        long total = 0;
        for (var s = first; s < last; s++)
        {
            total += Interlocked.Read(ref _counts[s]);
        }

        return total / (double)(last - first);
    }
}
