using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The code screen tells the browser how long the code is, beside when it expires; other screens say neither.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CodeScreenTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Only_the_code_screen_carries_the_code_length()
    {
        var member = TestMembers.Next();
        var atNumber = await _driver.AtMemberNumber(member);
        Assert.Null((await _driver.GrainOf(member).Get(atNumber)).ShouldSucceed().CodeLength);

        var codeScreen = (await _driver.GrainOf(member).SubmitMemberNumber(atNumber, member.MemberNumber)).ShouldSucceed();

        Assert.Equal((JourneyStep.EnterCode, 6), (codeScreen.Step, codeScreen.CodeLength));
        Assert.NotNull(codeScreen.CodeExpiresAt);
    }
}
