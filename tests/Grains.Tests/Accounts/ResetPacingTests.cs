using System.Diagnostics;
using Enrolment.Grains.PasswordResets;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>
/// A decoy lost-password request answers no sooner than a genuine one of its channel took on average: it writes less,
/// so without the wait its speed would tell that the number or birth date matched nothing. Wall-clock time by nature:
/// what is measured is how long the answer takes.
/// </summary>
public sealed class ResetPacingTests
{
    private static readonly TimeSpan Genuine = TimeSpan.FromMilliseconds(80);

    [Fact]
    public async Task A_decoy_takes_as_long_as_a_genuine_request_of_its_channel()
    {
        var pacing = new ResetPacing();
        pacing.Genuine(bySms: true, StartedBefore(Genuine));

        var decoy = Stopwatch.StartNew();
        await pacing.DecoyAsync(bySms: true, Stopwatch.GetTimestamp());

        Assert.True(decoy.Elapsed >= Genuine * 0.9, $"the decoy answered after {decoy.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void A_decoy_already_as_slow_or_of_another_channel_waits_no_more()
    {
        var pacing = new ResetPacing();
        pacing.Genuine(bySms: true, StartedBefore(Genuine));

        Assert.True(pacing.DecoyAsync(bySms: true, StartedBefore(Genuine * 2)).IsCompleted);
        Assert.True(pacing.DecoyAsync(bySms: false, Stopwatch.GetTimestamp()).IsCompleted);
    }

    private static long StartedBefore(TimeSpan ago) => Stopwatch.GetTimestamp() - (long)(ago.TotalSeconds * Stopwatch.Frequency);
}
