using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Enrolments;

/// <summary>A password step that was answered with success ends with an account, even when the database failed in between.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountCreationRetryTests(ClusterFixture cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task The_account_whose_first_write_fails_is_created_by_the_retry()
    {
        var member = TestMembers.Next();
        var id = await _driver.AtCreatePassword(member);
        var account = cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber);

        cluster.Storage.FailWrites(account.GetGrainId(), 1);
        (await _driver.GrainOf(member).CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();
        Assert.False(await account.Exists());

        await cluster.Advance(TimeSpan.FromSeconds(6));
        await Eventually.True(account.Exists, "the account created by the retry");
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(JourneyDriver.GoodPassword)).Status);
    }

    [Fact]
    public async Task An_activation_that_goes_before_the_account_exists_leaves_a_reminder_that_creates_it()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtCreatePassword(member);
        var account = cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber);

        // The account's silo is unreachable and so is the reminder service: the first try leaves no reminder.
        cluster.Storage.FailWrites(account.GetGrainId(), 1);
        cluster.Reminders.FailRegistrations(1);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();
        Assert.Null(await ReminderOf(grain));

        // The activation goes (its directory partition's silo died) before its timer tried again.
        await cluster.Cluster.DeactivateAsync(grain);
        var reminder = await ReminderOf(grain);
        Assert.NotNull(reminder);
        Assert.True(reminder.StartAt < DateTime.UtcNow + TimeSpan.FromSeconds(30), $"first tick at {reminder.StartAt:O}, a period away");

        await cluster.Grains.GetGrain<IRemindable>(grain.GetGrainId())
            .ReceiveReminder(PendingWorkReminder.Name, new TickStatus(DateTime.UtcNow, PendingWorkReminder.Period, DateTime.UtcNow));
        await cluster.Advance(TimeSpan.FromSeconds(6));
        await Eventually.True(account.Exists, "the account created after the wake-up");
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(JourneyDriver.GoodPassword)).Status);
        await Eventually.True(async () => await ReminderOf(grain) is null, "reminder removed once the account exists");
    }

    [Fact]
    public async Task The_account_whose_write_and_the_journey_s_next_write_both_fail_is_created_by_the_retry()
    {
        var member = TestMembers.Next();
        var grain = _driver.GrainOf(member);
        var id = await _driver.AtCreatePassword(member);
        var account = cluster.Grains.GetGrain<IAccountGrain>(member.MemberNumber);

        cluster.Storage.FailWrites(account.GetGrainId(), 1);
        cluster.Storage.FailWritesAfter(grain.GetGrainId(), passing: 1, failing: 1);
        (await grain.CreatePassword(id, JourneyDriver.GoodPassword, JourneyDriver.GoodPassword)).ShouldSucceed();

        await cluster.Advance(TimeSpan.FromSeconds(6));
        await Eventually.True(account.Exists, "the account created by the retry");
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(JourneyDriver.GoodPassword)).Status);
    }

    private Task<ReminderEntry?> ReminderOf(IEnrolmentGrain grain) => cluster.Reminders.ReadRow(grain.GetGrainId(), PendingWorkReminder.Name);
}
