using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Enrolment.LoadTest.Hashing;
using Enrolment.LoadTest.Metrics;
using Spectre.Console;

namespace Enrolment.LoadTest.Cli;

/// <summary><c>hash-benchmark</c>: the Argon2id ceiling of this machine, through the product's hasher.</summary>
internal static class HashBenchmarkCommand
{
    private static readonly Option<TimeSpan> Duration = new("--duration", "-d")
    {
        Description = "How long to hash (500ms, 10s, 1m).",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(10),
        CustomParser = result => Durations.Parse(result) ?? TimeSpan.Zero,
    };

    private static readonly Option<int> Callers = new("--callers")
    {
        Description = "Concurrent callers asking for hashes. Default: twice the cores, so that every core stays busy.",
        DefaultValueFactory = _ => 2 * Environment.ProcessorCount,
    };

    private static readonly Option<FileInfo?> Json = new("--json")
    {
        Description = "Also write the figures as JSON to this file.",
    };

    public static Command Create()
    {
        var command = new Command("hash-benchmark",
            "Measures Argon2id hashes per second using all cores, through the product's own hasher at its default cost "
            + "(PasswordHashing options: 19 MiB, 2 passes, 1 lane).")
        {
            Duration, Callers, Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var result = await HashBenchmark.RunAsync(
                parse.GetValue(Duration), Math.Max(1, parse.GetValue(Callers)), cancellationToken);
            AnsiConsole.Write(new Table().Border(TableBorder.Rounded).Title("[bold]Argon2id[/]")
                .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned())
                .AddRow("cores / callers", $"{result.Cores} / {result.Callers}")
                .AddRow("cost", $"{result.MemoryKib} KiB, {result.Passes} passes, {result.Lanes} lane")
                .AddRow("hashes", result.Hashes.ToString(CultureInfo.InvariantCulture))
                .AddRow("hashes/s", result.HashesPerSecond.ToString("0.##", CultureInfo.InvariantCulture)));
            if (parse.GetValue(Json) is { } json)
            {
                await File.WriteAllTextAsync(json.FullName, JsonSerializer.Serialize(result, LoadReport.JsonOptions), cancellationToken);
            }

            return 0;
        });
        return command;
    }
}
