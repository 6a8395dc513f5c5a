using System.Diagnostics;

namespace Enrolment.TestKit;

/// <summary>
/// The one way tests wait for what happens after an answer (a delivery, a silo declared dead, a process ready):
/// read again every <c>every</c> until the condition holds, and fail naming what never happened. Exceptions of a
/// read are the test's, not retried, except in <see cref="Answers{T}"/>.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan DefaultEvery = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="done"/> holds for what was read, and returns that.</summary>
    public static async Task<T> Until<T>(
        Func<Task<T>> read, Func<T, bool> done, Func<string> what, TimeSpan? limit = null, TimeSpan? every = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (waited.Elapsed > (limit ?? DefaultLimit))
            {
                throw new TimeoutException($"Never happened within {(limit ?? DefaultLimit).TotalSeconds} s: {what()}");
            }

            await Task.Delay(every ?? DefaultEvery);
        }
    }

    public static Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? limit = null, TimeSpan? every = null) =>
        Until(read, done, () => what, limit, every);

    /// <summary>Reads something held in memory (a fake's record) until <paramref name="done"/> holds.</summary>
    public static Task<T> Until<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan? limit = null, TimeSpan? every = null) =>
        Until(() => Task.FromResult(read()), done, () => what, limit, every);

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? limit = null, TimeSpan? every = null) =>
        Until(condition, holds => holds, () => what, limit, every);

    public static Task True(Func<Task<bool>> condition, Func<string> what, TimeSpan? limit = null, TimeSpan? every = null) =>
        Until(condition, holds => holds, what, limit, every);

    /// <summary>
    /// Calls until the call answers instead of throwing (a cluster that lost a silo answers again once it is
    /// declared dead, in seconds); each call is given <paramref name="callLimit"/> (10 s), and the last failure is
    /// thrown once <paramref name="limit"/> (90 s) is spent.
    /// </summary>
    public static async Task<T> Answers<T>(Func<Task<T>> call, TimeSpan? limit = null, TimeSpan? callLimit = null, TimeSpan? every = null)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(callLimit ?? TimeSpan.FromSeconds(10));
            }
            catch (Exception) when (waited.Elapsed < (limit ?? TimeSpan.FromSeconds(90)))
            {
                await Task.Delay(every ?? TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
