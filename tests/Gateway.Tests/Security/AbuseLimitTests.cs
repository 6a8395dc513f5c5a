using Enrolment.Gateway.Http;
using Enrolment.Grains.Interfaces.Enrolments;
using Xunit;

namespace Enrolment.Gateway.Tests.Security;

/// <summary>The answer past the hourly SMS ceiling (the ceiling itself: Grains.Tests SmsCeilingTests).</summary>
public sealed class AbuseLimitTests
{
    [Fact]
    public void Past_the_hourly_sms_ceiling_the_member_gets_a_503_problem_saying_when_to_retry()
    {
        var result = Problems.From(new Refusal(RefusalCodes.SmsCeiling, RetryAfterSeconds: 600));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(RefusalCodes.SmsCeiling, result.ProblemDetails.Extensions["code"]);
        Assert.Equal(600, result.ProblemDetails.Extensions["retryAfterSeconds"]);
    }
}
