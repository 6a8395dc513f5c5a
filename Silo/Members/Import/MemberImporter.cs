using System.Diagnostics;
using Npgsql;

namespace Enrolment.Silo.Members.Import;

/// <summary>
/// Applies the insurer's member file to the directory in one transaction: the file goes by binary COPY into a
/// temporary table while it is checked, then set-based statements add the new members, update those whose record
/// changed (search key included) and leave the others untouched. A full file also marks the members it no longer
/// lists as departed. Any problem in the file rolls everything back: nothing changes.
/// </summary>
public sealed class MemberImporter(NpgsqlDataSource dataSource, ILogger<MemberImporter> logger)
{
    private const string Differs = """
        (m.last_name, m.first_name, m.birth_date, m.street, m.postal_code, m.city, m.mobile_phone, m.name_key, m.departed_at)
          IS DISTINCT FROM (i.last_name, i.first_name, i.birth_date, i.street, i.postal_code, i.city, i.mobile_phone, i.name_key, NULL::timestamptz)
        """;

    public async Task<ImportOutcome> ImportAsync(MemberFile file, bool full, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // One writer of the directory at a time; journeys keep searching it meanwhile.
        await ExecuteAsync(connection, "LOCK TABLE members IN EXCLUSIVE MODE", cancellationToken);
        await ExecuteAsync(connection, "CREATE TEMPORARY TABLE members_import (LIKE members) ON COMMIT DROP", cancellationToken);
        await using (var import = await MemberCopy.BeginAsync(connection, "members_import", cancellationToken))
        {
            foreach (var member in file.Members())
            {
                // Once a problem is found the rest of the file is still read, for its problems only.
                if (file.ProblemCount == 0)
                {
                    await MemberCopy.WriteAsync(import, member, cancellationToken);
                }
            }

            if (file.ProblemCount > 0)
            {
                // Disposing the importer without completing it cancels the COPY; the transaction rolls back.
                return ImportOutcome.Refused(file);
            }

            await import.CompleteAsync(cancellationToken);
        }

        // The statements below join the whole file to the whole directory: hash joins, given the memory for them.
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", cancellationToken);
        await ExecuteAsync(connection, "ANALYZE members_import", cancellationToken);
        var departed = full
            ? await ExecuteAsync(connection, """
                UPDATE members m SET departed_at = now()
                WHERE m.departed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM members_import i WHERE i.member_number = m.member_number)
                """, cancellationToken)
            : 0;
        var updated = await ExecuteAsync(connection, $"""
            UPDATE members m
            SET last_name = i.last_name, first_name = i.first_name, birth_date = i.birth_date, street = i.street,
                postal_code = i.postal_code, city = i.city, mobile_phone = i.mobile_phone, name_key = i.name_key,
                departed_at = NULL
            FROM members_import i
            WHERE m.member_number = i.member_number AND {Differs}
            """, cancellationToken);
        var added = await ExecuteAsync(connection, """
            INSERT INTO members (member_number, last_name, first_name, birth_date, street, postal_code, city, mobile_phone, name_key)
            SELECT i.member_number, i.last_name, i.first_name, i.birth_date, i.street, i.postal_code, i.city, i.mobile_phone, i.name_key
            FROM members_import i
            WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.member_number = i.member_number)
            """, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await ExecuteAsync(connection, "ANALYZE members", cancellationToken);

        var outcome = new ImportOutcome(added, updated, file.Rows - added - updated, departed, [], 0);
        logger.LogInformation("Imported {Rows} members in {Seconds:F1} s: {Outcome}", file.Rows, clock.Elapsed.TotalSeconds, outcome);
        return outcome;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
