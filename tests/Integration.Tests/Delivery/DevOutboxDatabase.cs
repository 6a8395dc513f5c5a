using Enrolment.Silo.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>The PostgreSQL that <c>ENROLMENT_DB</c> points to, with the product's schema applied. No database, no pass.</summary>
public sealed class DevOutboxDatabase : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("The database is not ready.");

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable("ENROLMENT_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ENROLMENT_DB is not set: these tests need PostgreSQL. Run ./test.sh, or eval \"$(scripts/db.sh start)\" first.");
        }

        dataSource = NpgsqlDataSource.Create(connectionString);
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }
}
