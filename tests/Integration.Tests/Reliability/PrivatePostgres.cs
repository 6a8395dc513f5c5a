using System.Diagnostics;
using System.Text.RegularExpressions;
using Enrolment.Integration.Tests.LoadTest;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// A PostgreSQL server of its own (scripts/db.sh, a throwaway cluster on a free port), so that restarting it hurts
/// only the test that owns it and not the other tests sharing ENROLMENT_DB. Removed when disposed.
/// </summary>
public sealed partial class PrivatePostgres : IAsyncDisposable
{
    private readonly string _home;

    private PrivatePostgres(string connectionString, string home)
    {
        ConnectionString = connectionString;
        _home = home;
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var exports = await DbScriptAsync("start");
        string Export(string name) => ExportLine().Matches(exports).FirstOrDefault(m => m.Groups["name"].Value == name)?.Groups["value"].Value
            ?? throw new InvalidOperationException($"scripts/db.sh start printed no {name}:\n{exports}");
        return new PrivatePostgres(Export("ENROLMENT_DB"), Export("ENROLMENT_DB_HOME"));
    }

    /// <summary>Stops the server and starts it again, data kept (scripts/db.sh restart): every connection breaks.</summary>
    public Task RestartAsync() => DbScriptAsync("restart", _home);

    public async ValueTask DisposeAsync() => await DbScriptAsync("stop", _home);

    private static async Task<string> DbScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(BuiltProgram.RepositoryRoot, "scripts", "db.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await script.WaitForExitAsync(timeout.Token);
        return script.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"scripts/db.sh {string.Join(' ', arguments)} failed ({script.ExitCode}):\n{await errors}");
    }

    [GeneratedRegex(@"^export (?<name>[A-Z_]+)='(?<value>[^']*)'$", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
