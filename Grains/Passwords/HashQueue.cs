using Enrolment.Grains.Interfaces.Passwords;

namespace Enrolment.Grains.Passwords;

/// <summary>
/// The bound on a silo's hashing queue, in time rather than count: a hash admitted behind <c>n</c> others waits about
/// <c>n / concurrency</c> times the measured cost of one hash. One that would wait beyond
/// <see cref="PasswordHashingOptions.MaxQueueWait"/> is refused before it takes memory or a core, so that a few clients
/// replaying password steps cannot stall sign-in for everyone.
/// </summary>
internal sealed class HashQueue(int concurrency, TimeSpan maxWait)
{
    /// <summary>The cost assumed until a hash was measured: the default Argon2id cost on one core of a small machine.</summary>
    private static readonly TimeSpan FirstGuess = TimeSpan.FromMilliseconds(50);

    private int _admitted;
    private long _averageTicks = FirstGuess.Ticks;

    /// <summary>Hashes admitted and not yet ended: waiting for a thread or running.</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    /// <summary>A place in the queue, given back once the hash ended (or was cancelled).</summary>
    public Place Enter()
    {
        var ahead = Interlocked.Increment(ref _admitted) - 1;
        var wait = TimeSpan.FromTicks(ahead / concurrency * Interlocked.Read(ref _averageTicks));
        if (wait <= maxWait)
        {
            return new Place(this);
        }

        Interlocked.Decrement(ref _admitted);
        throw new HashingBusyException(Math.Max(1, (int)Math.Ceiling((wait - maxWait).TotalSeconds)));
    }

    /// <summary>Moves the estimate an eighth of the way towards one measured hash.</summary>
    public void Measured(TimeSpan took)
    {
        var average = Interlocked.Read(ref _averageTicks);
        Interlocked.Exchange(ref _averageTicks, average + ((took.Ticks - average) / 8));
    }

    public readonly struct Place(HashQueue queue) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref queue._admitted);
    }
}
