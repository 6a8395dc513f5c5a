using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Limits;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Limits;

/// <summary>The memory of numbers without an account stays within its bound whatever is typed: the least recently used go first.</summary>
public sealed class UnknownNumberTallyTests(UnknownNumberTallyTests.TwoPerShare fixture) : IClassFixture<UnknownNumberTallyTests.TwoPerShare>
{
    [Fact]
    public async Task A_full_share_forgets_its_least_recently_used_number_first()
    {
        var (share, numbers) = ThreeNumbersOfOneShare();
        foreach (var number in numbers)
        {
            await share.SetSignInFailures(number, 5, null);
            await fixture.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(0, (await share.Get(numbers[0])).SignInFailures);
        Assert.Equal(5, (await share.Get(numbers[1])).SignInFailures);
        Assert.Equal(5, (await share.Get(numbers[2])).SignInFailures);
    }

    [Fact]
    public async Task Sends_that_left_the_window_are_forgotten_at_once()
    {
        var (share, numbers) = ThreeNumbersOfOneShare();
        var old = fixture.Time.GetUtcNow() - TimeSpan.FromHours(25);

        await share.SetResetSends(numbers[0], [old], new DecoyRequest(Guid.NewGuid(), ResetStep.EnterCode, null, old));

        Assert.Empty((await share.Get(numbers[0])).ResetSends);
    }

    private (IUnknownNumberTallyGrain Share, ulong[] Numbers) ThreeNumbersOfOneShare()
    {
        var start = Random.Shared.Next(100_000_000, 900_000_000);
        var tallies = Enumerable.Range(start, 1_000).Select(n => UnknownNumbers.TallyOf(fixture.Grains, "0" + n));
        var share = tallies.GroupBy(t => t.Share.GetPrimaryKeyLong()).First(g => g.Count() >= 3).Take(3).ToArray();
        return (share[0].Share, [.. share.Select(t => t.Number)]);
    }

    /// <summary>Room for two numbers in each of the 64 shares.</summary>
    public sealed class TwoPerShare() : ClusterFixture(new Dictionary<string, string?> { ["Accounts:UnknownNumbersKept"] = "128" });
}
