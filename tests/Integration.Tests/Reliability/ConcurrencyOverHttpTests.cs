using System.Globalization;
using System.Net;
using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// Requests racing for one member through two gateways and two silos run as processes: the member's grain takes
/// them one at a time, so the journey's rules hold exactly as if they came one by one.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class ConcurrencyOverHttpTests(TwoGatewaysStack cluster) : IClassFixture<TwoGatewaysStack>
{
    [Fact]
    public async Task Fifty_simultaneous_starts_for_one_member_leave_exactly_one_live_journey()
    {
        var member = cluster.NextMember();

        var starts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            new EnrolmentApi(cluster.Gateways[i % 2]).StartEnrolment(member.Identity)));

        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Created, s.Status));
        var ids = starts.Select(s => s.Body!.EnrolmentId).ToList();
        Assert.Equal(50, ids.Distinct().Count());
        var live = 0;
        foreach (var id in ids)
        {
            member.EnrolmentId = id;
            var answer = await member.GetAsync(cluster.Gateways[1]);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{answer.Status}");
            live += answer.Status == HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, live);
        var stored = await StoredOf(member);
        Assert.Equal(JourneyStep.ConfirmIdentity, stored.Step);
        Assert.Equal(50, stored.AuditKinds.Count(k => k == "journey-started"));
    }

    [Fact]
    public async Task Twenty_simultaneous_code_submissions_with_one_right_code_succeed_at_most_once()
    {
        var member = cluster.NextMember();
        await member.ReachEnterCodeAsync(i => cluster.Gateways[i % 2]);
        var right = (await member.SmsCodesAsync(cluster.Gateways[0]))[0];
        var guesses = Enumerable.Range(1, 19)
            .Select(i => ((int.Parse(right, CultureInfo.InvariantCulture) + i) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .Append(right);

        var answers = await Task.WhenAll(guesses.Select((code, i) => member.SubmitCodeAsync(cluster.Gateways[i % 2], code)));

        // The grain takes the guesses one at a time, in an order nobody chose: either the right code came before the
        // third wrong one, or the third wrong one voided the journey first. Every answer must tell one of these stories.
        var accepted = answers.Count(a => a.Status == HttpStatusCode.OK);
        var mismatched = answers.Count(a => a.Problem?.Code == RefusalCodes.CodeMismatch);
        var stored = await StoredOf(member);
        if (accepted == 1)
        {
            Assert.InRange(mismatched, 0, 2);
            Assert.Equal(19 - mismatched, answers.Count(a => a.Problem?.Code == RefusalCodes.WrongStep));
            Assert.Equal(JourneyStep.CreatePassword, stored.Step);
            Assert.Single(stored.AuditKinds, k => k == "code-accepted");
            Assert.Equal(mismatched, stored.AuditKinds.Count(k => k == "code-mismatch"));
        }
        else
        {
            Assert.Equal(0, accepted);
            Assert.Equal(2, mismatched);
            Assert.Equal(18, answers.Count(a => a.Problem?.Code == RefusalCodes.EnrolmentVoid));
            Assert.DoesNotContain("code-accepted", stored.AuditKinds);
            Assert.Equal(3, stored.AuditKinds.Count(k => k == "code-mismatch"));
            Assert.Single(stored.AuditKinds, k => k == "journey-void");
        }
    }

    [Fact]
    public async Task Twenty_simultaneous_submissions_of_the_right_code_accept_it_once_and_answer_all_alike()
    {
        var member = cluster.NextMember();
        await member.ReachEnterCodeAsync(i => cluster.Gateways[i % 2]);
        var code = (await member.SmsCodesAsync(cluster.Gateways[1]))[0];

        var steps = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            (MemberOverHttp.ExpectStep(await member.SubmitCodeAsync(cluster.Gateways[i % 2], code), "create-password"))
                .Step));

        Assert.All(steps, s => Assert.Equal("create-password", s));
        Assert.Single((await StoredOf(member)).AuditKinds, k => k == "code-accepted");
    }

    [Fact]
    public async Task Two_gateways_serving_one_journey_alternately_take_the_member_to_a_working_session()
    {
        var member = cluster.NextMember();
        HttpClient Gateway(int step) => cluster.Gateways[step % 2];

        await member.ReachEnterCodeAsync(Gateway);
        var code = (await member.SmsCodesAsync(Gateway(1)))[0];
        MemberOverHttp.ExpectStep(await member.SubmitCodeAsync(Gateway(0), code), "create-password");
        MemberOverHttp.ExpectStep(
            await member.CreatePasswordAsync(Gateway(1)), "completed");
        var signIn = await member.SignInAsync(Gateway(0), MemberOverHttp.Password);
        MemberOverHttp.ExpectStatus(signIn, HttpStatusCode.OK);

        // The session cookie one gateway made is read by the other: both use the key ring kept in the cluster.
        var profile = MemberOverHttp.ExpectStatus(await new EnrolmentApi(Gateway(1)).Me(signIn.SessionCookie), HttpStatusCode.OK);
        Assert.Equal(member.Email, profile.Email);
    }

    private async Task<StoredEnrolment> StoredOf(MemberOverHttp member)
    {
        var stored = new StoredState(cluster.Stack.ConnectionString, cluster.Stack.ClusterId);
        return Assert.Single(await stored.EnrolmentsAsync(), e => e.MemberNumber == member.Member.MemberNumber);
    }
}
