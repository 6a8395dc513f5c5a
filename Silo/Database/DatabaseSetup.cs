using Enrolment.Grains.Members;
using Enrolment.Grains.Operations;
using Enrolment.Silo.Members;
using Npgsql;

namespace Enrolment.Silo.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// The PostgreSQL connection string: <c>ConnectionStrings:Enrolment</c>, else the <c>ENROLMENT_DB</c>
    /// environment variable that run.sh and test.sh export.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Enrolment")
        ?? configuration["ENROLMENT_DB"]
        ?? throw new InvalidOperationException(
            "No database: set ENROLMENT_DB (or ConnectionStrings:Enrolment) to a PostgreSQL connection string.");

    /// <summary>One <see cref="NpgsqlDataSource"/> for the process, the schema migrator and the PostgreSQL adapters.</summary>
    public static IHostApplicationBuilder AddEnrolmentDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<IDatabaseProbe, PostgresDatabaseProbe>();
        builder.Services.AddSingleton<IMemberDirectory, PostgresMemberDirectory>();
        builder.Services.AddSingleton<MemberSeeder>();
        return builder;
    }
}
