using Enrolment.Grains.Interfaces.Members;
using Npgsql;
using NpgsqlTypes;

namespace Enrolment.Silo.Members;

/// <summary>Members written row by row into a binary COPY: the one format the seeder and the importer share.</summary>
public static class MemberCopy
{
    public static Task<NpgsqlBinaryImporter> BeginAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        connection.BeginBinaryImportAsync(
            $"COPY {table} (member_number, last_name, first_name, birth_date, street, postal_code, city, mobile_phone, name_key) FROM STDIN (FORMAT BINARY)",
            cancellationToken);

    public static async Task WriteAsync(NpgsqlBinaryImporter import, MemberRecord member, CancellationToken cancellationToken)
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
}
