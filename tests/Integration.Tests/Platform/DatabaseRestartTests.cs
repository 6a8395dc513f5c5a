using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Enrolment.Grains.Interfaces.Operations;
using Microsoft.AspNetCore.Builder;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>Stops the shared PostgreSQL server, so it runs alone, after every other test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseRestarts
{
    public const string Name = "database restarts";
}

[Collection(DatabaseRestarts.Name)]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);

    [Fact]
    public async Task While_the_database_is_down_the_gateway_is_not_ready_and_afterwards_everything_saved_is_still_there()
    {
        await silos.StartSiloAsync();
        var gateway = await silos.StartGatewayClientAsync();
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.First()) };
        var counter = gateway.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("through-restart");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(3, await counter.Add(3));

        await DatabaseServer("down");
        try
        {
            var notReady = await http.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            Assert.Equal("application/problem+json", notReady.Content.Headers.ContentType?.MediaType);
            var problem = await notReady.Content.ReadFromJsonAsync<Dictionary<string, object>>();
            Assert.Equal("database-unavailable", problem?["code"]?.ToString());

            // What the gateway answers 503 for: a write refused, and a grain that cannot read its state to wake up.
            await Assert.ThrowsAsync<StorageUnavailableException>(() => counter.Add(1));
            var asleep = gateway.Services.GetRequiredService<IClusterClient>().GetGrain<ICounterGrain>("woken-while-down");
            await Assert.ThrowsAsync<StorageUnavailableException>(() => asleep.Add(1));
        }
        finally
        {
            await DatabaseServer("up");
        }

        Assert.Equal(5, await Eventually.Answers(() => counter.Add(2)));
        Assert.Equal(5, await SavedCounterAsync("through-restart"));
        var ready = await Eventually.Answers(async () =>
            (await http.GetAsync("/health/ready")) is { StatusCode: HttpStatusCode.OK } answer
                ? answer
                : throw new InvalidOperationException("not ready yet"));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private async Task<int> SavedCounterAsync(string key)
    {
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT (payload_json::jsonb ->> 'Value')::integer FROM grain_state WHERE service_id = $1 AND state_name = 'integration-counter' AND grain_key = $2");
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = silos.ServiceId });
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = key });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs scripts/db.sh on the server test.sh (or scripts/db.sh start) made: ENROLMENT_DB_HOME.</summary>
    private static async Task DatabaseServer(string command)
    {
        var home = Environment.GetEnvironmentVariable("ENROLMENT_DB_HOME") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("ENROLMENT_DB_HOME is not set: run ./test.sh, or eval \"$(scripts/db.sh start)\" first.");
        var script = Path.Combine(RepositoryRoot(), "scripts", "db.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command, home]) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"scripts/db.sh {command} failed: {errors}");
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "scripts", "db.sh")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("scripts/db.sh not found above " + AppContext.BaseDirectory);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await silos.DisposeAsync();
}
