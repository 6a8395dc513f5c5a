using Enrolment.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Enrolment.Integration.Tests.Platform;

public sealed class MigrationTests
{
    private static readonly string[] OrleansQueryKeys =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey", "CleanupDefunctSiloEntryKey",
        "ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey",
    ];

    [Fact]
    public async Task Migrations_run_concurrently_and_again_without_error_and_apply_once()
    {
        await using var database = await TestDatabase.CreateScratchAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MigrateAsync(database.ConnectionString)));
        await MigrateAsync(database.ConnectionString);

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var versions = await ReadAsync<int>(dataSource, "SELECT version FROM schema_versions ORDER BY version");
        Assert.Equal(SchemaMigrator.Migrations().Select(m => m.Version), versions);
        var keys = await ReadAsync<string>(dataSource, "SELECT QueryKey FROM OrleansQuery");
        Assert.Empty(OrleansQueryKeys.Except(keys));
    }

    [Fact]
    public void Migrations_are_numbered_from_one_without_gaps()
    {
        var versions = SchemaMigrator.Migrations().Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    private static async Task MigrateAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        var values = new List<T>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
