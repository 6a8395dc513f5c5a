using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>Logs never hold a code, a password, a provisional code, a full phone number, an e-mail address or a journey id.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LogTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Whole_journeys_with_failures_leave_no_secret_in_the_logs()
    {
        var smsMember = TestMembers.Next();
        cluster.Sms.FailFor(smsMember.MobilePhone!, 1);
        var grain = _driver.GrainOf(smsMember);
        var id = await _driver.AtEnterCode(smsMember);
        await cluster.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(smsMember.MobilePhone!).Count == 1), "retried SMS");
        var code = cluster.Sms.LastCodeTo(smsMember.MobilePhone!);
        (await grain.SubmitCode(id, code == "000000" ? "000001" : "000000")).ShouldBeRefused(RefusalCodes.CodeMismatch);
        (await grain.SubmitCode(id, code)).ShouldSucceed();
        (await grain.CreatePassword(id, "Secret12", "Secret12")).ShouldBeRefused(RefusalCodes.Validation);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();

        var letterMember = TestMembers.Next(withPhone: false);
        var letterJourney = await _driver.AtLetterSent(letterMember);
        var provisional = Assert.Single(cluster.Letters.SentTo(letterMember.MemberNumber)).ProvisionalCode;

        var logs = string.Join('\n', cluster.Logs.Lines);
        Assert.Contains(AuditKinds.CodeAccepted, logs, StringComparison.Ordinal);
        foreach (var secret in new[] { code, smsMember.MobilePhone!, JourneyDriver.GoodPassword, "Secret12", JourneyDriver.Email, provisional, id.ToString(), letterJourney.ToString() })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }
}
