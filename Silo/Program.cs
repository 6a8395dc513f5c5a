using Enrolment.ServiceDefaults;
using Enrolment.Silo;
using Enrolment.Silo.Database;
using Enrolment.Silo.Hosting;
using Enrolment.Silo.Management;
using Enrolment.Silo.Members;
using Microsoft.AspNetCore.Builder;

ImportCommand? import = null;
var oneShot = SeedCommand.TryParse(args, out var seed, out var hostArgs)
    || ImportCommand.TryParse(args, out import, out hostArgs);
// A web host for the management listener only (Management:Urls); members never reach the silo over HTTP.
var builder = WebApplication.CreateBuilder(hostArgs);
builder.AddProductLogging();
builder.AddEnrolmentDatabase();
if (!oneShot)
{
    try
    {
        builder.AddEnrolmentSilo();
        builder.AddManagementListener();
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

host.MapManagementEndpoints();
await host.RunAsync();
return 0;

/// <summary>Kept internal: the web framework would make it public, clashing with the gateway's Program in tests.</summary>
internal partial class Program;
