using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Accounts;
using Enrolment.Grains.Tests.Fixtures;

namespace Enrolment.Grains.Tests.Delivery;

/// <summary>A cluster whose hourly SMS ceiling is three, so that a test can reach it.</summary>
public sealed class SmsCeilingCluster() : ClusterFixture(new Dictionary<string, string?> { ["Delivery:Sms:MaxPerHour"] = "3" });

[CollectionDefinition(Name)]
public sealed class SmsCeilingCollection : ICollectionFixture<SmsCeilingCluster>
{
    public const string Name = "SMS ceiling cluster";
}

/// <summary>
/// The global ceiling on SMS per hour, against SMS pumping: past it no code is created, the member is told so
/// (never that a code was sent), a warning is logged, and the next hour opens again.
/// </summary>
[Collection(SmsCeilingCollection.Name)]
public sealed class SmsCeilingTests(SmsCeilingCluster cluster)
{
    private readonly JourneyDriver _driver = new(cluster);

    [Fact]
    public async Task Past_the_hourly_ceiling_no_code_is_created_until_the_next_hour()
    {
        var hour = await MoveToTenMinutesBeforeAnHourEnds();
        var members = Enumerable.Range(0, 4).Select(_ => TestMembers.Next()).ToList();
        foreach (var member in members.Take(3))
        {
            await _driver.AtEnterCode(member);
        }

        var last = members[3];
        var id = await _driver.AtMemberNumber(last);
        var refusal = (await _driver.GrainOf(last).SubmitMemberNumber(id, last.MemberNumber)).ShouldBeRefused(RefusalCodes.SmsCeiling);

        Assert.Equal(600, refusal.RetryAfterSeconds);
        Assert.Empty(cluster.Sms.SentTo(last.MobilePhone!));
        Assert.Equal(JourneyStep.MemberNumber, (await _driver.GrainOf(last).Get(id)).ShouldSucceed().Step);
        Assert.Single(cluster.Logs.Lines, line => line.Contains("SMS ceiling reached", StringComparison.Ordinal)
            && line.Contains(SmsCeiling.KeyOf(hour), StringComparison.Ordinal));

        await cluster.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(JourneyStep.EnterCode, (await _driver.GrainOf(last).SubmitMemberNumber(id, last.MemberNumber)).ShouldSucceed().Step);
        Assert.Single(cluster.Sms.SentTo(last.MobilePhone!));
    }

    [Fact]
    public async Task Resends_and_lost_password_codes_count_against_the_same_ceiling()
    {
        await MoveToTenMinutesBeforeAnHourEnds();
        var member = TestMembers.Next();
        var id = await _driver.AtEnterCode(member);
        await cluster.Advance(TimeSpan.FromSeconds(31));
        (await _driver.GrainOf(member).ResendCode(id)).ShouldSucceed();
        var withAccount = await AccountTestData.MemberWithPassword(cluster);
        var reset = cluster.Grains.GetGrain<IPasswordResetGrain>(withAccount.MemberNumber);
        Assert.True((await reset.Start(withAccount.BirthDate)).Succeeded);

        await cluster.Advance(TimeSpan.FromSeconds(31));
        (await _driver.GrainOf(member).ResendCode(id)).ShouldBeRefused(RefusalCodes.SmsCeiling);
        Assert.Equal(RefusalCodes.SmsCeiling, (await reset.Start(withAccount.BirthDate)).Refusal?.Code);
        Assert.Equal(2, cluster.Sms.SentTo(member.MobilePhone!).Count);
        Assert.Single(cluster.Sms.SentTo(withAccount.MobilePhone!));
    }

    [Fact]
    public async Task Lost_password_decoys_take_no_slot_of_the_ceiling()
    {
        await MoveToTenMinutesBeforeAnHourEnds();
        for (var request = 0; request < 20; request++)
        {
            var unknown = cluster.Grains.GetGrain<IPasswordResetGrain>(TestMembers.Next().MemberNumber);
            Assert.True((await unknown.Start(new DateOnly(1980, 1, 1).AddDays(request))).Succeeded);
        }

        foreach (var member in Enumerable.Range(0, 3).Select(_ => TestMembers.Next()))
        {
            await _driver.AtEnterCode(member);
            Assert.Single(cluster.Sms.SentTo(member.MobilePhone!));
        }
    }

    [Fact]
    public async Task The_hours_count_is_saved_within_seconds_and_a_new_activation_carries_on_from_it()
    {
        var hour = await MoveToTenMinutesBeforeAnHourEnds();
        foreach (var member in Enumerable.Range(0, 3).Select(_ => TestMembers.Next()))
        {
            await _driver.AtEnterCode(member);
        }

        var ceiling = cluster.Grains.GetGrain<ISmsCeilingGrain>(SmsCeiling.KeyOf(hour));
        await cluster.Advance(SmsCeilingGrain.SaveDelay);
        await Eventually.True(
            async () => (await cluster.ReadStoredState<SmsCeilingState>("sms-ceiling", ceiling.GetGrainId())).Issued == 3, "count saved");

        await cluster.Cluster.DeactivateAsync(ceiling);
        var last = TestMembers.Next();
        var id = await _driver.AtMemberNumber(last);
        (await _driver.GrainOf(last).SubmitMemberNumber(id, last.MemberNumber)).ShouldBeRefused(RefusalCodes.SmsCeiling);
        Assert.Empty(cluster.Sms.SentTo(last.MobilePhone!));
    }

    /// <summary>Each test runs in an hour of its own, with the whole ceiling free, at HH:50 (journeys idle out after 30 min).</summary>
    private async Task<DateTimeOffset> MoveToTenMinutesBeforeAnHourEnds()
    {
        var now = cluster.Time.GetUtcNow();
        var next = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 50, 0, TimeSpan.Zero).AddHours(1);
        await cluster.Advance(next - now);
        return next;
    }
}
