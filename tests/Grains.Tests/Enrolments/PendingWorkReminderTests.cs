using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>
/// Work a grain's timer would do (a message not yet delivered) survives the silo: a reminder, kept only while such
/// work is pending, wakes the grain wherever it is activated next.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PendingWorkReminderTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task A_code_sent_on_the_first_try_leaves_no_reminder()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);

        await _driver.AtEnterCode(member);

        Assert.Single(cluster.Sms.SentTo(member.MobilePhone!));
        Assert.Null(await ReminderOf(grain));
    }

    [Fact]
    public async Task A_letter_the_print_house_refuses_keeps_a_reminder_until_it_is_sent()
    {
        var member = TestMembers.Next(withPhone: false);
        cluster.Letters.FailFor(member.MemberNumber, 1);
        var grain = _driver.GrainOf(member);
        await _driver.AtLetterSent(member);

        Assert.NotNull(await ReminderOf(grain));

        await cluster.Advance(TimeSpan.FromSeconds(5));
        await Eventually.True(() => Task.FromResult(cluster.Letters.SentTo(member.MemberNumber).Count == 1), "letter retried");
        await Eventually.True(async () => await ReminderOf(grain) is null, "reminder removed once sent");
    }

    [Fact]
    public async Task After_the_silo_is_gone_the_reminder_wakes_the_grain_which_sends_the_pending_sms()
    {
        var member = TestMembers.Next();
        var phone = member.MobilePhone!;
        cluster.Sms.FailFor(phone, 1);
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtEnterCode(member);
        Assert.NotNull(await ReminderOf(grain));

        // The activation and its timer are gone, as on a crashed silo: time passes and nothing is sent.
        await cluster.Cluster.DeactivateAsync(grain);
        await cluster.Advance(TimeSpan.FromSeconds(5));
        Assert.Empty(cluster.Sms.SentTo(phone));

        // The reminder service's tick, as another silo would deliver it.
        await cluster.Grains.GetGrain<IRemindable>(grain.GetGrainId())
            .ReceiveReminder(PendingWorkReminder.Name, new TickStatus(DateTime.UtcNow, PendingWorkReminder.Period, DateTime.UtcNow));

        await Eventually.True(() => Task.FromResult(cluster.Sms.SentTo(phone).Count == 1), "sent after the wake-up");
        await Eventually.True(async () => await ReminderOf(grain) is null, "reminder removed once sent");
        (await grain.SubmitCode(id, cluster.Sms.LastCodeTo(phone))).ShouldSucceed();
    }

    private Task<ReminderEntry?> ReminderOf(IEnrolmentGrain grain) => cluster.Reminders.ReadRow(grain.GetGrainId(), PendingWorkReminder.Name);
}
