using Npgsql;
using Orleans.Runtime;

namespace Enrolment.Integration.Tests.Platform;

public sealed class ClusterTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);

    [Fact]
    public async Task A_grains_saved_state_survives_killing_its_silo_and_is_read_back_on_another_silo()
    {
        var first = await silos.StartSiloAsync();
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        var counter = client.GetGrain<ICounterGrain>("survivor");
        Assert.Equal(5, await counter.Add(5));
        var before = await counter.SiloAddress();

        await silos.StartSiloAsync();
        await silos.KillAsync(first);

        Assert.Equal(5, await Eventually.Answers(counter.Value));
        Assert.NotEqual(before, await counter.SiloAddress());
        Assert.Equal(7, await counter.Add(2));
    }

    [Fact]
    public async Task Two_silos_join_one_cluster_through_the_membership_table_and_the_gateway_reaches_grains_on_both()
    {
        await silos.StartSiloAsync();
        await silos.StartSiloAsync();
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();

        Assert.Equal(2, await ActiveMembersAsync());
        var answeredBy = new HashSet<string>();
        for (var i = 0; i < 40 && answeredBy.Count < 2; i++)
        {
            answeredBy.Add(await client.GetGrain<ICounterGrain>($"spread-{i}").SiloAddress());
        }

        Assert.Equal(2, answeredBy.Count);
    }

    [Fact]
    public async Task A_killed_silo_is_marked_dead_in_the_membership_table()
    {
        await silos.StartSiloAsync();
        var doomed = await silos.StartSiloAsync();
        var doomedAddress = doomed.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await silos.KillAsync(doomed);

        var status = await Eventually.Answers(async () =>
        {
            var current = await StatusOfAsync(doomedAddress);
            return current == (int)SiloStatus.Dead ? current : throw new InvalidOperationException("not dead yet");
        });
        Assert.Equal((int)SiloStatus.Dead, status);
    }

    [Fact]
    public async Task Members_that_left_long_ago_are_cleaned_from_the_membership_table()
    {
        var staying = await silos.StartSiloAsync();
        var leaving = await silos.StartSiloAsync();
        var leavingAddress = leaving.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        await silos.StopAsync(leaving);
        Assert.Equal((int)SiloStatus.Dead, await StatusOfAsync(leavingAddress));

        var membership = staying.Services.GetRequiredService<IMembershipTable>();
        await membership.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddSeconds(1), CancellationToken.None);

        Assert.Null(await StatusOrNullAsync(leavingAddress));
        Assert.Equal(1L, await ActiveMembersAsync());
    }

    private async Task<long> ActiveMembersAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM cluster_members WHERE cluster_id = $1 AND status = 3");
        command.Parameters.Add(new NpgsqlParameter { Value = silos.ClusterId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<int> StatusOfAsync(SiloAddress silo) =>
        await StatusOrNullAsync(silo) ?? throw new InvalidOperationException($"{silo} is not in the membership table");

    private async Task<int?> StatusOrNullAsync(SiloAddress silo)
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT status FROM cluster_members WHERE cluster_id = $1 AND port = $2 AND generation = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = silos.ClusterId });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Endpoint.Port });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Generation });
        return (int?)await command.ExecuteScalarAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await silos.DisposeAsync();
}
