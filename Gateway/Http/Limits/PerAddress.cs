using System.Threading.RateLimiting;
using Enrolment.Grains.Interfaces.Limits;
using Microsoft.Extensions.Options;

namespace Enrolment.Gateway.Http.Limits;

/// <summary>The one partition every per-address policy uses: the client's address group, counted in the cluster.</summary>
public static class PerAddress
{
    public static RateLimitPartition<string> Partition<TOptions>(
        HttpContext context, string policy, Func<TOptions, int> permitsPerMinute)
        where TOptions : class
    {
        var key = AddressLimitKey.Of(policy, context.Connection.RemoteIpAddress);
        return RateLimitPartition.Get(key, _ =>
        {
            // Singletons only: the limiter outlives this request's scope.
            var grains = context.RequestServices.GetRequiredService<IGrainFactory>();
            var options = context.RequestServices.GetRequiredService<IOptionsMonitor<TOptions>>();
            return new ClusterWindowLimiter(grains, key, () => permitsPerMinute(options.CurrentValue));
        });
    }
}
