using Enrolment.ServiceDefaults;
using Enrolment.Silo;
using Enrolment.Silo.Database;
using Enrolment.Silo.Hosting;
using Enrolment.Silo.Members;

ImportCommand? import = null;
var oneShot = SeedCommand.TryParse(args, out var seed, out var hostArgs)
    || ImportCommand.TryParse(args, out import, out hostArgs);
var builder = Host.CreateApplicationBuilder(hostArgs);
builder.AddProductLogging();
builder.AddEnrolmentDatabase();
if (!oneShot)
{
    try
    {
        builder.AddEnrolmentSilo();
        // Silo i (ports 11111+i) is scraped at 9090+i, so silos side by side never share a port.
        var siloPort = builder.Configuration.GetValue("Orleans:SiloPort", 11111);
        builder.AddProductTelemetry("enrolment-silo", $"http://127.0.0.1:{9090 + siloPort - 11111}");
    }
    catch (SettingRefusedException refused)
    {
        // One line naming the setting is what an operator reading a unit's journal needs, not a stack trace.
        Console.Error.WriteLine($"The silo cannot start: {refused.Message}");
        return SettingRefusedException.ExitCode;
    }
}

using var host = builder.Build();

// The schema comes first: Orleans reads its queries from the database as it starts. Each migration, the
// member load and the member import run in a transaction, so a Ctrl-C here leaves the database as it was.
await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
if (seed is not null)
{
    await host.Services.GetRequiredService<MemberSeeder>().SeedAsync(seed.Members, CancellationToken.None);
    return 0;
}

if (import is not null)
{
    return await import.RunAsync(host.Services, TimeProvider.System, CancellationToken.None);
}

await host.RunAsync();
return 0;
