namespace Enrolment.Grains.Accounts;

/// <summary>
/// Sign-in lockout: <see cref="AccountOptions.LockoutThreshold"/> failures in a row lock for
/// <see cref="AccountOptions.LockoutBase"/>, each further failure doubles it, up to <see cref="AccountOptions.LockoutMax"/>.
/// </summary>
public static class Lockout
{
    /// <summary>Seconds left before sign-in opens again, or null when it is open.</summary>
    public static int? RetryAfterSeconds(LockoutState state, DateTimeOffset now) =>
        state.LockedUntil is { } until && until > now ? (int)Math.Ceiling((until - now).TotalSeconds) : null;

    public static void RecordFailure(LockoutState state, DateTimeOffset now, AccountOptions options)
    {
        state.FailuresInARow++;
        var beyond = state.FailuresInARow - options.LockoutThreshold;
        if (beyond < 0)
        {
            return;
        }

        // 2^beyond grows past any sane maximum quickly; cap the exponent before it overflows.
        var factor = Math.Pow(2, Math.Min(beyond, 30));
        var lockFor = TimeSpan.FromTicks((long)Math.Min(options.LockoutBase.Ticks * factor, options.LockoutMax.Ticks));
        state.LockedUntil = now + lockFor;
    }

    public static void Reset(LockoutState state)
    {
        state.FailuresInARow = 0;
        state.LockedUntil = null;
    }
}

/// <summary>Failures in a row and the end of the current lock, persisted with the account.</summary>
[GenerateSerializer]
public sealed class LockoutState
{
    [Id(0)] public int FailuresInARow { get; set; }

    [Id(1)] public DateTimeOffset? LockedUntil { get; set; }
}
