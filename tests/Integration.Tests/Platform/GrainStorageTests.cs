using Enrolment.Grains;
using Npgsql;
using Orleans.Runtime;
using Orleans.Storage;

namespace Enrolment.Integration.Tests.Platform;

public sealed class GrainStorageTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);
    private IHost silo = null!;

    [Fact]
    public async Task Two_different_member_numbers_never_share_a_storage_row()
    {
        // Hex-only string keys are stored as numbers: "0000000012" is 0x12. Ten digits keep them apart.
        string[] keys = ["0000000012", "0000000120", "0000000018", "1234567890"];
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        for (var i = 0; i < keys.Length; i++)
        {
            await client.GetGrain<ICounterGrain>(keys[i]).Add(i + 1);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i + 1, await client.GetGrain<ICounterGrain>(keys[i]).Value());
        }

        Assert.Equal(keys.Length, await RowsAsync());
    }

    [Fact]
    public async Task Concurrent_writers_of_one_grain_get_a_conflict_rather_than_a_second_row()
    {
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        var grainId = GrainId.Create("counter", "contested");
        var first = new GrainState<CounterState>(new CounterState { Value = 1 });
        var second = new GrainState<CounterState>(new CounterState { Value = 2 });

        await storage.WriteStateAsync("integration-counter", grainId, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("integration-counter", grainId, second));

        var stale = new GrainState<CounterState>(new CounterState { Value = 3 }) { ETag = first.ETag };
        await storage.WriteStateAsync("integration-counter", grainId, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("integration-counter", grainId, stale));

        var read = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("integration-counter", grainId, read);
        Assert.Equal(1, read.State!.Value);
        Assert.Equal(first.ETag, read.ETag);
        Assert.Equal(1, await RowsAsync());
    }

    [Fact]
    public async Task Cleared_state_reads_back_as_new_and_can_be_written_again()
    {
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        var grainId = GrainId.Create("counter", "cleared");
        var state = new GrainState<CounterState>(new CounterState { Value = 4 });
        await storage.WriteStateAsync("integration-counter", grainId, state);
        await storage.ClearStateAsync("integration-counter", grainId, state);

        var read = new GrainState<CounterState>(new CounterState { Value = 99 });
        await storage.ReadStateAsync("integration-counter", grainId, read);
        Assert.Equal(0, read.State!.Value);

        read.State.Value = 5;
        await storage.WriteStateAsync("integration-counter", grainId, read);
        Assert.Equal(1, await RowsAsync());
    }

    [Fact]
    public async Task State_is_stored_as_plain_json_without_type_names()
    {
        var client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
        await client.GetGrain<ICounterGrain>("json").Add(42);

        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT payload_json FROM grain_state WHERE service_id = $1 AND state_name = 'integration-counter'");
        command.Parameters.Add(new NpgsqlParameter { Value = silos.ServiceId });
        var json = (string)(await command.ExecuteScalarAsync())!;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(42, document.RootElement.GetProperty("Value").GetInt32());
        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
    }

    private async Task<long> RowsAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM grain_state WHERE service_id = $1 AND state_name = 'integration-counter'");
        command.Parameters.Add(new NpgsqlParameter { Value = silos.ServiceId });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task InitializeAsync() => silo = await silos.StartSiloAsync();

    public async Task DisposeAsync() => await silos.DisposeAsync();
}
