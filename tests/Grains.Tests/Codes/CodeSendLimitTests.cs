using Enrolment.Grains.Codes;

namespace Enrolment.Grains.Tests.Codes;

public sealed class CodeSendLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly CodeSendLimits Limits = new(3, 5, TimeSpan.FromHours(24), TimeSpan.FromSeconds(30));

    [Fact]
    public void The_first_code_is_allowed() => Assert.True(Limits.Check([], 0, Now).IsAllowed);

    [Fact]
    public void Codes_closer_than_the_spacing_wait_for_the_rest_of_it()
    {
        var verdict = Limits.Check([Now.AddSeconds(-29.5)], 1, Now);
        Assert.False(verdict.IsAllowed);
        Assert.Equal(1, verdict.RetryAfterSeconds);
        Assert.True(Limits.Check([Now.AddSeconds(-30)], 1, Now).IsAllowed);
    }

    [Fact]
    public void A_journey_that_used_its_codes_cannot_wait_for_more()
    {
        var verdict = Limits.Check([Now.AddHours(-1)], 3, Now);
        Assert.False(verdict.IsAllowed);
        Assert.Null(verdict.RetryAfterSeconds);
    }

    [Fact]
    public void The_member_window_slides()
    {
        DateTimeOffset[] sends = [Now.AddHours(-23), Now.AddHours(-20), Now.AddHours(-10), Now.AddHours(-5), Now.AddMinutes(-1)];
        var verdict = Limits.Check(sends, 0, Now);
        Assert.False(verdict.IsAllowed);
        Assert.Equal(3600, verdict.RetryAfterSeconds);
        Assert.True(Limits.Check(sends, 0, Now.AddHours(1)).IsAllowed);
        Assert.Equal(4, Limits.Prune(sends, Now.AddHours(1)).Count);
    }
}
