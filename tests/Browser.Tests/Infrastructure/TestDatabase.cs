using Enrolment.Grains.Members;
using Npgsql;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// A database of its own on the server that <c>ENROLMENT_DB</c> names, created for one run and dropped after it,
/// so that the specification's members start fresh every run and nothing is left behind.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _server;
    private readonly string _name;
    private long _nextNumber;

    private TestDatabase(NpgsqlDataSource server, string name, string connectionString)
    {
        _server = server;
        _name = name;
        ConnectionString = connectionString;
        // Test members get numbers from 9xxxxxxxxx, away from the synthetic directory's numbers.
        _nextNumber = 9_000_000_000 + Random.Shared.NextInt64(0, 100_000_000) * 10;
    }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(string prefix)
    {
        var serverConnection = Environment.GetEnvironmentVariable("ENROLMENT_DB");
        if (string.IsNullOrWhiteSpace(serverConnection))
        {
            throw new InvalidOperationException(
                "ENROLMENT_DB is not set: the browser tests need PostgreSQL. Run ./test.sh, or eval \"$(scripts/db.sh start)\" first.");
        }

        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        var server = NpgsqlDataSource.Create(serverConnection);
        await using (var create = server.CreateCommand($"CREATE DATABASE \"{name}\""))
        {
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(serverConnection) { Database = name };
        return new TestDatabase(server, name, builder.ConnectionString);
    }

    /// <summary>
    /// A directory member of the test's own, unique to the run (fresh number, fresh name, fresh phone when asked),
    /// so that tests never trip over one another's journeys, limits or accounts.
    /// </summary>
    public async Task<TestMember> AddMemberAsync(bool withPhone = true, string? lastName = null, string? firstName = null)
    {
        var number = Interlocked.Add(ref _nextNumber, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var member = new TestMember(
            number,
            lastName ?? $"ESSAI {Letters(number)}",
            firstName ?? "CLAIRE",
            new DateOnly(1960 + Random.Shared.Next(40), 1 + Random.Shared.Next(12), 1 + Random.Shared.Next(28)),
            "12 RUE DES LILAS",
            "75011",
            "PARIS",
            withPhone ? $"07{Random.Shared.Next(10_000_000, 99_999_999)}" : null);

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO members (member_number, last_name, first_name, birth_date, street, postal_code, city, mobile_phone, name_key)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """,
            connection)
        {
            Parameters =
            {
                new() { Value = member.MemberNumber },
                new() { Value = member.LastName },
                new() { Value = member.FirstName },
                new() { Value = member.BirthDate },
                new() { Value = member.Street },
                new() { Value = member.PostalCode },
                new() { Value = member.City },
                new() { Value = (object?)member.MobilePhone ?? DBNull.Value },
                new() { Value = $"{NameKey.Normalise(member.LastName)}|{NameKey.Normalise(member.FirstName)}" },
            },
        };
        await insert.ExecuteNonQueryAsync();
        return member;
    }

    /// <summary>Digits spelled as letters, so that each test member's name is unique and still a name.</summary>
    private static string Letters(string digits) => new([.. digits[^6..].Select(d => (char)('A' + (d - '0')))]);

    public async ValueTask DisposeAsync()
    {
        await using (var drop = _server.CreateCommand($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await _server.DisposeAsync();
    }
}
