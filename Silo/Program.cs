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
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, _) => stopping.Cancel();

// The schema comes first: Orleans reads its queries from the database as it starts.
await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(stopping.Token);
if (seed is not null)
{
    await host.Services.GetRequiredService<MemberSeeder>().SeedAsync(seed.Members, stopping.Token);
    return;
}

await host.RunAsync();
