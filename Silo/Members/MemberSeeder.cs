using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

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

        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY {target} (member_number, last_name, first_name, birth_date, street, postal_code, city, mobile_phone, name_key) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var member in SyntheticMembers.Generate(count))
            {
                await import.StartRowAsync(cancellationToken);
                await import.WriteAsync(member.MemberNumber, NpgsqlDbType.Char, cancellationToken);
                await import.WriteAsync(member.LastName, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(member.FirstName, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(member.BirthDate, NpgsqlDbType.Date, cancellationToken);
                await import.WriteAsync(member.Address.Street, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(member.Address.PostalCode, NpgsqlDbType.Text, cancellationToken);
                await import.WriteAsync(member.Address.City, NpgsqlDbType.Text, cancellationToken);
                if (member.MobilePhone is null)
                {
                    await import.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await import.WriteAsync(member.MobilePhone, NpgsqlDbType.Text, cancellationToken);
                }

                await import.WriteAsync(MemberKeys.NameKeyOf(member.LastName, member.FirstName), NpgsqlDbType.Text, cancellationToken);
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
