using Enrolment.Grains.Delivery;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>The outbox: at least once, with retries and growing waits, across a re-activation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DeliveryTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task An_sms_the_provider_refuses_twice_is_retried_and_sent()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        cluster.Sms.FailFor(phone, 2);
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        Assert.Empty(cluster.Sms.SentTo(phone));
        Assert.Equal(1, cluster.Sms.TriesTo(phone));

        await cluster.Advance(TimeSpan.FromSeconds(5));
        await RetriesRecorded(grain, 2);
        Assert.Equal(2, cluster.Sms.TriesTo(phone));
        Assert.Empty(cluster.Sms.SentTo(phone));

        await cluster.Advance(TimeSpan.FromSeconds(10));
        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(phone).Count == 1), "third try sends");
        await Eventually.True(async () => (await grain.GetAuditTrail()).Any(e => e.Kind == AuditKinds.SmsSent), "sent recorded");

        var trail = await grain.GetAuditTrail();
        Assert.Equal(2, trail.Count(e => e.Kind == AuditKinds.SmsRetry));
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(phone))).ShouldSucceed();
        await StoredAsSent(grain);
    }

    [Fact]
    public async Task An_sms_that_never_goes_through_is_marked_failed_after_six_tries_and_its_code_erased()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        cluster.Sms.FailFor(phone, int.MaxValue);
        var grain = _driver.GrainOf(member);
        await _driver.AtEnterCode(member);

        // Waits of 5, 10, 20, 40 and 80 seconds separate the six tries.
        foreach (var (wait, tries) in new[] { (5, 2), (10, 3), (20, 4), (40, 5), (80, 6) })
        {
            await cluster.Advance(TimeSpan.FromSeconds(wait));
            if (tries < 6)
            {
                await RetriesRecorded(grain, tries);
            }
        }

        await Eventually.True(async () => (await grain.GetAuditTrail()).Any(e => e.Kind == AuditKinds.SmsFailed), "failure recorded");
        await cluster.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(6, cluster.Sms.TriesTo(phone));
        var entry = Assert.Single((await cluster.ReadStoredState<EnrolmentState>("enrolment", grain.GetGrainId())).Outbox);
        Assert.Equal(DeliveryStatus.Failed, entry.Status);
        Assert.Null(entry.Secret);
        cluster.Sms.FailFor(phone, 0);
    }

    [Fact]
    public async Task A_pending_sms_is_delivered_by_the_next_activation_of_the_grain()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        cluster.Sms.FailFor(phone, 1);
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        var stored = Assert.Single((await cluster.ReadStoredState<EnrolmentState>("enrolment", grain.GetGrainId())).Outbox);
        Assert.Equal(DeliveryStatus.Queued, stored.Status);
        Assert.NotNull(stored.Secret);

        await cluster.Cluster.DeactivateAsync(grain);
        await cluster.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(cluster.Sms.SentTo(phone));

        // Any call re-activates the grain, which finds the pending message and sends it.
        Assert.Equal(JourneyStep.EnterCode, (await grain.Get(id)).ShouldSucceed().Step);
        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(phone).Count == 1), "delivered after re-activation");
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(phone))).ShouldSucceed();
    }

    [Fact]
    public async Task A_code_sent_at_the_first_try_is_one_write_and_recorded_sent_by_the_next_step()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtMemberNumber(member);
        var writesBefore = cluster.Storage.WritesOf(grain.GetGrainId());

        Assert.Equal(JourneyStep.EnterCode, (await grain.SubmitMemberNumber(id, member.MemberNumber)).ShouldSucceed().Step);

        Assert.Single(cluster.Sms.SentTo(phone));
        Assert.Equal(writesBefore + 1, cluster.Storage.WritesOf(grain.GetGrainId()));
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(phone))).ShouldSucceed();
        await StoredAsSent(grain);
    }

    [Fact]
    public async Task An_activation_that_ends_before_the_code_step_records_the_sms_it_sent()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);

        await cluster.Cluster.DeactivateAsync(grain);

        await StoredAsSent(grain);
        Assert.Equal(JourneyStep.EnterCode, (await grain.Get(id)).ShouldSucceed().Step);
        await cluster.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(cluster.Sms.SentTo(phone));
    }

    [Fact]
    public async Task A_letter_the_print_house_refuses_once_is_retried()
    {
        var member = TestMembers.Next(withPhone: false);
        cluster.Letters.FailFor(member.MemberNumber, 1);
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtLetterSent(member);
        Assert.Empty(cluster.Letters.SentTo(member.MemberNumber));

        await cluster.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => Task.FromResult(cluster.Letters.SentTo(member.MemberNumber).Count == 1), "letter retried");
        Assert.Equal(JourneyStep.LetterSent, (await grain.Get(id)).ShouldSucceed().Step);
    }

    /// <summary>The grain's one message is stored as sent, its code erased.</summary>
    private async Task StoredAsSent(IEnrolmentGrain grain)
    {
        var entry = Assert.Single((await cluster.ReadStoredState<EnrolmentState>("enrolment", grain.GetGrainId())).Outbox);
        Assert.Equal(DeliveryStatus.Sent, entry.Status);
        Assert.Null(entry.Secret);
    }

    /// <summary>
    /// Waits until the grain recorded that many failed tries. The grain re-arms its timer in the same turn, so once
    /// the audit shows them the next advance of the clock is sure to find the timer armed.
    /// </summary>
    private static Task RetriesRecorded(IEnrolmentGrain grain, int tries) =>
        Eventually.True(async () => (await grain.GetAuditTrail()).Count(e => e.Kind == AuditKinds.SmsRetry) == tries, $"{tries} failed tries recorded");
}
