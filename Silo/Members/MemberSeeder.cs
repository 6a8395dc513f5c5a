using System.Diagnostics;
using Npgsql;

namespace Enrolment.Silo.Members;

/// <summary>
/// Loads synthetic members into the directory with a binary COPY. Idempotent: nothing is done when the directory
/// already holds at least as many members as asked; an empty directory is filled directly; otherwise the members
/// go through a temporary table and INSERT ... ON CONFLICT DO NOTHING, so that those already there are kept.
/// </summary>
public sealed class MemberSeeder(NpgsqlDataSource dataSource, ILogger<MemberSeeder> logger)
{
    public async Task SeedAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One loader at a time; readers of the directory are not blocked.
        await ExecuteAsync(connection, "LOCK TABLE members IN EXCLUSIVE MODE", cancellationToken);
        var existing = await CountAsync(connection, cancellationToken);
        if (existing >= count)
        {
            logger.LogInformation("The member directory already holds {Existing} members; nothing to load", existing);
            return;
        }

        var clock = Stopwatch.StartNew();
        var target = existing == 0 ? "members" : "members_load";
        if (existing > 0)
        {
            await ExecuteAsync(connection, "CREATE TEMPORARY TABLE members_load (LIKE members) ON COMMIT DROP", cancellationToken);
        }

        await using (var import = await MemberCopy.BeginAsync(connection, target, cancellationToken))
        {
            foreach (var member in SyntheticMembers.Generate(count))
            {
                await MemberCopy.WriteAsync(import, member, cancellationToken);
            }

            await import.CompleteAsync(cancellationToken);
        }

        if (existing > 0)
        {
            await ExecuteAsync(connection,
                "INSERT INTO members SELECT * FROM members_load ON CONFLICT (member_number) DO NOTHING", cancellationToken);
        }

        await ExecuteAsync(connection, "ANALYZE members", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded the member directory up to {Count} members in {Seconds:F1} s", count, clock.Elapsed.TotalSeconds);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM members", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
