using Enrolment.Grains.Interfaces.Limits;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Limits;

/// <summary>The cluster's per-address count: a fixed minute on the cluster clock, then refusals until it rolls over.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AddressLimitTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Past_the_limit_tries_are_refused_with_the_seconds_left_until_the_next_minute()
    {
        await MoveToTenSecondsIntoAMinute();
        var limit = cluster.Grains.GetGrain<IAddressLimitGrain>(AddressLimitKey.Of(UniquePolicy(), System.Net.IPAddress.Parse("203.0.113.5")));

        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limit.TryTake(3)).Allowed);
        }

        Assert.Equal(new LimitAnswer(false, 50), await limit.TryTake(3));
        await cluster.Advance(TimeSpan.FromSeconds(49));
        Assert.Equal(new LimitAnswer(false, 1), await limit.TryTake(3));

        await cluster.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await limit.TryTake(3)).Allowed);
        Assert.True((await limit.TryTake(3)).Allowed);
        Assert.True((await limit.TryTake(3)).Allowed);
        Assert.False((await limit.TryTake(3)).Allowed);
    }

    [Fact]
    public async Task Each_policy_and_address_counts_apart()
    {
        await MoveToTenSecondsIntoAMinute();
        var policy = UniquePolicy();
        var first = cluster.Grains.GetGrain<IAddressLimitGrain>(AddressLimitKey.Of(policy, System.Net.IPAddress.Parse("203.0.113.5")));
        var other = cluster.Grains.GetGrain<IAddressLimitGrain>(AddressLimitKey.Of(policy, System.Net.IPAddress.Parse("203.0.113.6")));
        var otherPolicy = cluster.Grains.GetGrain<IAddressLimitGrain>(AddressLimitKey.Of(UniquePolicy(), System.Net.IPAddress.Parse("203.0.113.5")));

        Assert.True((await first.TryTake(1)).Allowed);
        Assert.False((await first.TryTake(1)).Allowed);
        Assert.True((await other.TryTake(1)).Allowed);
        Assert.True((await otherPolicy.TryTake(1)).Allowed);
    }

    private static string UniquePolicy() => $"test-{Guid.NewGuid():N}";

    private async Task MoveToTenSecondsIntoAMinute()
    {
        var now = cluster.Time.GetUtcNow();
        var intoMinute = TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute);
        await cluster.Advance(TimeSpan.FromMinutes(1) - intoMinute + TimeSpan.FromSeconds(10));
    }
}
