using System.Threading.RateLimiting;
using Enrolment.Grains.Interfaces.Limits;

namespace Enrolment.Gateway.Http.Limits;

/// <summary>
/// A <see cref="RateLimiter"/> whose count lives in the cluster: plugging into ASP.NET Core's rate-limiting middleware
/// keeps <c>RequireRateLimiting</c> on the routes and one rejection answer, where an endpoint filter would repeat both.
/// A cluster outage throws out of the acquire, so the exception handler answers 503 as for any other call.
/// </summary>
public sealed class ClusterWindowLimiter(IGrainFactory grains, string key, Func<int> permitsPerMinute) : RateLimiter
{
    private long _lastUsed = System.Diagnostics.Stopwatch.GetTimestamp();

    // Holds no count of its own, so the middleware may drop it soon after its address goes quiet (no growth per address).
    public override TimeSpan? IdleDuration => System.Diagnostics.Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // The middleware tries this first without waiting; only the grain knows, so it always goes on to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => WindowLease.Undecided;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, System.Diagnostics.Stopwatch.GetTimestamp());
        var answer = await grains.GetGrain<IAddressLimitGrain>(key).TryTake(Math.Max(1, permitsPerMinute()));
        return answer.Allowed ? WindowLease.Granted : WindowLease.Refused(answer.RetryAfterSeconds);
    }
}
