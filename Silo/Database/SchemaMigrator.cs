using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Enrolment.Silo.Database;

/// <summary>
/// Applies the SQL files embedded from Database/Migrations (<c>NNNN_name.sql</c>) in order, each once, each in its
/// own transaction, and records them in <c>schema_versions</c>. Several silos may start at once: a PostgreSQL
/// advisory lock lets one migrate while the others wait, then find nothing left to do.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    // Any fixed number, the same in every process of the product.
    private const long LockKey = 0x456E726F6C;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_versions
                (
                  version    integer PRIMARY KEY,
                  name       text NOT NULL,
                  applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            foreach (var migration in Migrations().Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, migration.Sql, cancellationToken);
        await using (var record = new NpgsqlCommand("INSERT INTO schema_versions (version, name) VALUES ($1, $2)", connection))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied database migration {Version:D4} {Name}", migration.Version, migration.Name);
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var versions = new HashSet<int>();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_versions", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The embedded migrations, ordered by their number.</summary>
    public static IReadOnlyList<Migration> Migrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(resource => (resource, match: MigrationName().Match(resource)))
            .Where(x => x.match.Success)
            .Select(x => new Migration(int.Parse(x.match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture),
                x.match.Groups["name"].Value, Read(assembly, x.resource)))
            .OrderBy(m => m.Version)
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();

    public sealed record Migration(int Version, string Name, string Sql);
}
