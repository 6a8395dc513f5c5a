using Orleans.Runtime;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// The reminder queries of migration 0004 against PostgreSQL, through the silo's own ADO.NET reminder table: what
/// one silo stores, the silo owning that part of the hash ring reads back, including a part that crosses 2^31.
/// </summary>
public sealed class ReminderTableTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);
    private IReminderTable table = null!;

    [Fact]
    public async Task A_reminder_is_stored_read_back_updated_and_removed_only_at_its_current_version()
    {
        var grain = GrainId.Create("enrolment", "0612345678");
        var first = Assert.IsType<string>(await table.UpsertRow(Reminder(grain, TimeSpan.FromMinutes(1))));

        var stored = Assert.IsType<ReminderEntry>(await table.ReadRow(grain, "pending-work"));
        Assert.Equal(TimeSpan.FromMinutes(1), stored.Period);
        Assert.Equal(first, stored.ETag);
        Assert.Single((await table.ReadRows(grain)).Reminders);

        var second = Assert.IsType<string>(await table.UpsertRow(Reminder(grain, TimeSpan.FromMinutes(2))));
        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(grain, "pending-work", first));
        Assert.True(await table.RemoveRow(grain, "pending-work", second));
        Assert.Empty((await table.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Each_part_of_the_hash_ring_reads_exactly_its_reminders_even_across_two_to_the_31()
    {
        // A grain whose hash is past 2^31, where the provider's signed hash turns negative.
        var grain = Enumerable.Range(0, 1000).Select(i => GrainId.Create("enrolment", $"07{i:D8}"))
            .First(id => id.GetUniformHashCode() > 0x8000_0000u);
        var hash = grain.GetUniformHashCode();
        await table.UpsertRow(Reminder(grain, TimeSpan.FromMinutes(1)));

        Assert.Contains(grain, await GrainsIn(0x10, hash));
        Assert.DoesNotContain(grain, await GrainsIn(0x10, hash - 1));
        Assert.Contains(grain, await GrainsIn(hash - 1, 0x10));   // wraps around the ring
        Assert.DoesNotContain(grain, await GrainsIn(hash, hash - 1));
    }

    private async Task<List<GrainId>> GrainsIn(uint begin, uint end) =>
        [.. (await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId)];

    private static ReminderEntry Reminder(GrainId grain, TimeSpan period) => new()
    {
        GrainId = grain,
        ReminderName = "pending-work",
        StartAt = DateTime.UtcNow,
        Period = period,
    };

    public async Task InitializeAsync()
    {
        var silo = await silos.StartSiloAsync();
        table = silo.Services.GetRequiredService<IReminderTable>();
    }

    public async Task DisposeAsync() => await silos.DisposeAsync();
}
