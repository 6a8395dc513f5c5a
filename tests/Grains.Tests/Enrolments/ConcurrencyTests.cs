using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>Calls racing on one member's grain: the rules hold as if they came one by one.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConcurrencyTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Twenty_different_codes_at_once_are_judged_one_by_one()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var right = cluster.Sms.LastCodeTo(member.MobilePhone!);
        var guesses = Enumerable.Range(0, 19).Select(i => ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + i + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append(right).ToList();

        var outcomes = await Task.WhenAll(guesses.Select(code => grain.SubmitCode(id, code)));

        // The calls come one by one in some order. Either the right code came before a third wrong one: it alone
        // succeeds, the wrong ones before it cost an attempt each and those after it find the journey past the
        // step. Or three wrong codes came first: two cost an attempt, the third voided the journey, and every
        // other call, the right code's too, finds it void.
        var answers = outcomes.Select(o => o.Succeeded ? "success" : o.Refusal!.Code).ToList();
        var mismatches = answers.Count(a => a == RefusalCodes.CodeMismatch);
        if (outcomes[^1].Succeeded)
        {
            Assert.InRange(mismatches, 0, 2);
            Assert.Equal(1, answers.Count(a => a == "success"));
            Assert.Equal(19 - mismatches, answers.Count(a => a == RefusalCodes.WrongStep));
        }
        else
        {
            Assert.Equal(2, mismatches);
            Assert.Equal(18, answers.Count(a => a == RefusalCodes.EnrolmentVoid));
            Assert.Equal(RefusalCodes.EnrolmentVoid, (await grain.Get(id)).Refusal?.Code);
        }

        var trail = await grain.GetAuditTrail();
        Assert.Equal(outcomes[^1].Succeeded ? mismatches : 3, trail.Count(e => e.Kind == AuditKinds.CodeMismatch));
    }

    [Fact]
    public async Task Twenty_submissions_of_the_right_code_at_once_accept_it_once_and_answer_all_alike()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var code = cluster.Sms.LastCodeTo(member.MobilePhone!);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.SubmitCode(id, code)));

        Assert.All(outcomes, o => Assert.Equal(JourneyStep.CreatePassword, o.ShouldSucceed().Step));
        Assert.Single(await grain.GetAuditTrail(), e => e.Kind == AuditKinds.CodeAccepted);
    }

    [Fact]
    public async Task Fifty_starts_at_once_leave_exactly_one_live_journey()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);

        var started = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => grain.Start(new StartJourney(member, JourneyDriver.Email, false))));
        var ids = started.Select(o => o.ShouldSucceed().JourneyId).ToList();
        Assert.Equal(50, ids.Distinct().Count());

        var live = 0;
        foreach (var id in ids)
        {
            live += (await grain.Get(id)).Succeeded ? 1 : 0;
        }

        Assert.Equal(1, live);
    }

    [Fact]
    public async Task Two_members_racing_do_not_share_anything()
    {
        var first = TestMembers.Next();
        var second = TestMembers.Next();
        var ids = await Task.WhenAll(_driver.AtEnterCode(first), _driver.AtEnterCode(second));

        (await _driver.GrainOf(first).SubmitCode(ids[1], cluster.Sms.LastCodeTo(second.MobilePhone!))).ShouldBeRefused(RefusalCodes.UnknownEnrolment);
        (await _driver.GrainOf(first).SubmitCode(ids[0], cluster.Sms.LastCodeTo(first.MobilePhone!))).ShouldSucceed();
        (await _driver.GrainOf(second).SubmitCode(ids[1], cluster.Sms.LastCodeTo(second.MobilePhone!))).ShouldSucceed();
    }
}
