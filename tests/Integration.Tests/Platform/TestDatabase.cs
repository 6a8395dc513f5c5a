using Npgsql;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>The real PostgreSQL that test.sh starts (ENROLMENT_DB). Without it these tests fail: they never skip.</summary>
public static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ENROLMENT_DB") is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                "ENROLMENT_DB is not set: run ./test.sh, or eval \"$(scripts/db.sh start)\" first.");

    /// <summary>A new, empty database on the same server, dropped when disposed.</summary>
    public static async Task<ScratchDatabase> CreateScratchAsync()
    {
        var name = $"scratch_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(ConnectionString))
        {
            await using var create = admin.CreateCommand($"CREATE DATABASE {name}");
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name };
        return new ScratchDatabase(name, builder.ConnectionString);
    }
}

public sealed class ScratchDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }
}
