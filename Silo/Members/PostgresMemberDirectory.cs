using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Members;
using Npgsql;
using NpgsqlTypes;

namespace Enrolment.Silo.Members;

/// <summary>The member directory in PostgreSQL table <c>members</c>, searched through its (name_key, birth_date) index.</summary>
public sealed class PostgresMemberDirectory(NpgsqlDataSource dataSource) : IMemberDirectory
{
    private const string Columns =
        "member_number, last_name, first_name, birth_date, street, postal_code, city, mobile_phone";

    /// <summary>Members who departed (no longer in the insurer's full file) are not found; <see cref="GetAsync"/> still finds them.</summary>
    public async Task<MemberRecord?> FindAsync(IdentityQuery query, CancellationToken cancellationToken)
    {
        // Two rows at most: one is the member, two means the identity is ambiguous and matches nobody.
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM members WHERE name_key = $1 AND birth_date = $2 AND departed_at IS NULL LIMIT 2");
        command.Parameters.Add(new NpgsqlParameter { Value = MemberKeys.NameKeyOf(query.LastName, query.FirstName) });
        command.Parameters.Add(new NpgsqlParameter { Value = query.BirthDate });
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<MemberRecord?> GetAsync(string memberNumber, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM members WHERE member_number = $1");

        // Typed as the column (char), not text, so that PostgreSQL uses the primary key rather than a full scan.
        command.Parameters.Add(new NpgsqlParameter { Value = memberNumber, NpgsqlDbType = NpgsqlDbType.Char });
        var found = await ReadAsync(command, cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    private static async Task<List<MemberRecord>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var members = new List<MemberRecord>(2);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            members.Add(new MemberRecord(
                MemberNumber: reader.GetString(0),
                LastName: reader.GetString(1),
                FirstName: reader.GetString(2),
                BirthDate: reader.GetFieldValue<DateOnly>(3),
                Address: new PostalAddress(reader.GetString(4), reader.GetString(5), reader.GetString(6)),
                MobilePhone: reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return members;
    }
}
