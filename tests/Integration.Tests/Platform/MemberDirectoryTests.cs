using Enrolment.Grains.Interfaces.Directory;
using Enrolment.Silo.Database;
using Enrolment.Silo.Members;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Enrolment.Integration.Tests.Platform;

public sealed class MemberDirectoryTests : IAsyncLifetime
{
    private ScratchDatabase database = null!;
    private NpgsqlDataSource dataSource = null!;

    [Theory]
    [InlineData("COMET", "PAUL", "1985-08-01", "1234567890")]
    [InlineData("comet", "Paul", "1985-08-01", "1234567890")]
    [InlineData("d'Arcy", "Marie-Hélène", "1972-02-29", "2345678901")]
    [InlineData("D ARCY", "marie  helene", "1972-02-29", "2345678901")]
    public async Task The_specifications_members_are_found_whatever_the_case_accents_and_punctuation(
        string lastName, string firstName, string birthDate, string memberNumber)
    {
        var directory = new PostgresMemberDirectory(dataSource);
        var found = await directory.FindAsync(new IdentityQuery(lastName, firstName, DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
        Assert.Equal(memberNumber, found?.MemberNumber);
    }

    [Fact]
    public async Task Paul_comet_is_loaded_exactly_as_the_specification_says()
    {
        var paul = await new PostgresMemberDirectory(dataSource).GetAsync("1234567890", CancellationToken.None);
        Assert.Equal(SyntheticMembers.PaulComet, paul);
        var marie = await new PostgresMemberDirectory(dataSource).GetAsync("2345678901", CancellationToken.None);
        Assert.Equal(SyntheticMembers.MarieHeleneDArcy, marie);
    }

    [Fact]
    public async Task A_wrong_birth_date_or_an_ambiguous_identity_matches_nobody()
    {
        var directory = new PostgresMemberDirectory(dataSource);
        Assert.Null(await directory.FindAsync(new IdentityQuery("COMET", "PAUL", new DateOnly(1985, 8, 2)), CancellationToken.None));

        var twin = SyntheticMembers.Generate(3000).Skip(2).First();
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO members SELECT '9999999999', last_name, first_name, birth_date, street, postal_code, city, NULL, name_key FROM members WHERE member_number = $1"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = twin.MemberNumber });
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Null(await directory.FindAsync(new IdentityQuery(twin.LastName, twin.FirstName, twin.BirthDate), CancellationToken.None));
    }

    [Fact]
    public async Task Loading_again_keeps_the_directory_as_it_is()
    {
        await new MemberSeeder(dataSource, NullLogger<MemberSeeder>.Instance).SeedAsync(3000, CancellationToken.None);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM members");
        Assert.Equal(3000L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Loading_more_keeps_the_members_already_there_and_adds_the_next_ones()
    {
        await using (var change = dataSource.CreateCommand("UPDATE members SET city = 'CHANGED' WHERE member_number = '1234567890'"))
        {
            await change.ExecuteNonQueryAsync();
        }

        await new MemberSeeder(dataSource, NullLogger<MemberSeeder>.Instance).SeedAsync(4000, CancellationToken.None);

        await using var count = dataSource.CreateCommand("SELECT count(*), count(*) FILTER (WHERE city = 'CHANGED') FROM members");
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(4000L, reader.GetInt64(0));
        Assert.Equal(1L, reader.GetInt64(1));
        var last = SyntheticMembers.Generate(4000).Last();
        Assert.Equal(last, await new PostgresMemberDirectory(dataSource).GetAsync(last.MemberNumber, CancellationToken.None));
    }

    [Fact]
    public void The_generator_gives_the_same_members_every_time_and_a_longer_run_starts_with_a_shorter_one()
    {
        Assert.Equal(SyntheticMembers.Generate(500), SyntheticMembers.Generate(2000).Take(500));
    }

    [Fact]
    public void The_generator_mixes_what_real_french_directories_hold()
    {
        var members = SyntheticMembers.Generate(10_000).ToList();
        Assert.Equal(members.Count, members.Select(m => m.MemberNumber).Distinct().Count());
        Assert.All(members, m => Assert.Matches("^[0-9]{10}$", m.MemberNumber));
        Assert.InRange(members.Count(m => m.MobilePhone is not null), 6_500, 7_500);
        Assert.All(members.Where(m => m.MobilePhone is not null), m => Assert.Matches("^0[67][0-9]{8}$", m.MobilePhone!));
        Assert.Contains(members, m => m.BirthDate is { Month: 2, Day: 29 } && m.MemberNumber != "2345678901");
        Assert.Contains(members, m => m.LastName.Contains('\'', StringComparison.Ordinal));
        Assert.Contains(members, m => m.FirstName.Contains('-', StringComparison.Ordinal));
        Assert.Contains(members, m => m.LastName.Any(c => c > 127));
        var homonyms = members.GroupBy(m => (m.LastName, m.FirstName)).Where(g => g.Select(m => m.BirthDate).Distinct().Count() > 1);
        Assert.NotEmpty(homonyms);
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateScratchAsync();
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new MemberSeeder(dataSource, NullLogger<MemberSeeder>.Instance).SeedAsync(3000, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await database.DisposeAsync();
    }
}
