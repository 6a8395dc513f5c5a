using Enrolment.Silo;
using Enrolment.Silo.Database;
using Enrolment.Silo.Hosting;
using Enrolment.Silo.Members;

var seeding = SeedCommand.TryParse(args, out var seed, out var hostArgs);
var builder = Host.CreateApplicationBuilder(hostArgs);
builder.AddSiloLogging();
builder.AddEnrolmentDatabase();
if (!seeding)
{
    builder.AddEnrolmentSilo();
}

using var host = builder.Build();

// The schema comes first: Orleans reads its queries from the database as it starts. Each migration and the
// member load run in a transaction, so a Ctrl-C here leaves the database as it was.
await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
if (seed is not null)
{
    await host.Services.GetRequiredService<MemberSeeder>().SeedAsync(seed.Members, CancellationToken.None);
    return;
}

await host.RunAsync();
