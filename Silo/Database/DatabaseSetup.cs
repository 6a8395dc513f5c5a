using Enrolment.Grains.Members;
using Enrolment.Grains.Operations;
using Enrolment.Silo.Members;
using Enrolment.Silo.Members.Import;
using Npgsql;

namespace Enrolment.Silo.Database;

public static class DatabaseSetup
{
    /// <summary>
    /// The PostgreSQL connection string: <c>ConnectionStrings:Enrolment</c>, else the <c>ENROLMENT_DB</c>
    /// environment variable that run.sh and test.sh export.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) => ForSteps(
        configuration.GetConnectionString("Enrolment")
        ?? configuration["ENROLMENT_DB"]
        ?? throw new InvalidOperationException(
            "No database: set ENROLMENT_DB (or ConnectionStrings:Enrolment) to a PostgreSQL connection string."));

    /// <summary>
    /// Every journey step runs the same few statements (grain state read and write, directory search): prepared once
    /// per connection instead of parsed and planned each time, and a pooled connection is not reset on its way back
    /// (nothing here changes session state for longer than a call). Together they cut PostgreSQL's CPU per step by
    /// about 40 % (docs/benchmarks.md). A connection string that sets Max Auto Prepare itself is left as it is.
    /// </summary>
    private static string ForSteps(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 32;
            builder.AutoPrepareMinUsages = 2;
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>One <see cref="NpgsqlDataSource"/> for the process, the schema migrator and the PostgreSQL adapters.</summary>
    public static IHostApplicationBuilder AddEnrolmentDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = ConnectionString(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<IDatabaseProbe, PostgresDatabaseProbe>();
        builder.Services.AddSingleton<IMemberDirectory, PostgresMemberDirectory>();
        builder.Services.AddSingleton<MemberSeeder>();
        builder.Services.AddSingleton<MemberImporter>();
        return builder;
    }
}
