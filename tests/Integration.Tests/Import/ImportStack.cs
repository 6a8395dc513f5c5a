using System.Net.Http.Json;
using System.Text.Json;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enrolment.Integration.Tests.Import;

/// <summary>
/// A database of its own (a full import departs everyone else), a silo and a gateway on it, and the silo's import
/// command run as the operator runs it: the built program, in its own process.
/// </summary>
public sealed class ImportStack : IAsyncLifetime
{
    private ScratchDatabase database = null!;
    private TestSilos silos = null!;

    public WebApplicationFactory<Program> Gateway { get; private set; } = null!;

    public IServiceProvider Silo { get; private set; } = null!;

    /// <summary>Runs <c>import FILE [--full]</c> to its end: its exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output)> ImportAsync(string path, bool full = false)
    {
        var output = new List<string>();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrolment"] = database.ConnectionString,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        string[] arguments = full ? ["import", path, "--full"] : ["import", path];
        using var command = BuiltProgram.Start("Silo", environment, line => { lock (output) { output.Add(line); } }, arguments);
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(2));
        lock (output)
        {
            return (exitCode, string.Join('\n', output));
        }
    }

    /// <summary><c>POST /api/enrolments</c> with this identity: the answer's JSON and status.</summary>
    public async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> SearchAsync(string lastName, string firstName, string birthDate)
    {
        var email = $"m{Guid.NewGuid():N}@import.example";
        var answer = await Gateway.CreateClient().PostAsJsonAsync(new Uri("/api/enrolments", UriKind.Relative), new
        {
            lastName, firstName, birthDate, email, emailConfirmation = email, newsletter = false,
        });
        var text = await answer.Content.ReadAsStringAsync();
        return (answer.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateScratchAsync();
        silos = new TestSilos(database.ConnectionString);
        Silo = (await silos.StartSiloAsync()).Services;
        Gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("ConnectionStrings:Enrolment", database.ConnectionString);
            web.UseSetting("Orleans:ClusterId", silos.ClusterId);
            web.UseSetting("Orleans:ServiceId", silos.ServiceId);
            web.UseSetting("RateLimits:IdentitySearchPerMinute", "1000");
        });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await silos.DisposeAsync();
        await database.DisposeAsync();
    }
}
