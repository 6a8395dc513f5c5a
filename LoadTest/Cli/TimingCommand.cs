using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Metrics;
using Enrolment.LoadTest.Timing;
using Spectre.Console;

namespace Enrolment.LoadTest.Cli;

/// <summary><c>timing</c>: do real, decoy and unknown answers of sign-in and lost password take the same time?</summary>
internal static class TimingCommand
{
    private static readonly Option<Uri> Target = new("--target")
    {
        Description = "Gateway base URL (loopback only).",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        CustomParser = LoadCommand.ParseTarget,
    };

    private static readonly Option<int> DirectorySize = new("--directory-size")
    {
        Description = "Members the directory was seeded with (the silo's 'seed --members N').",
        DefaultValueFactory = _ => 10_000,
    };

    private static readonly Option<long> EnrolledFrom = new("--enrolled-from")
    {
        Description = "Directory index from which a load run with '--mix 100,0,0' enrolled at least --count members (its --start).",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<int> Count = new("--count", "-n")
    {
        Description = "Requests of each kind.",
        DefaultValueFactory = _ => 200,
    };

    private static readonly Option<FileInfo?> Json = new("--json")
    {
        Description = "Also write the figures as JSON to this file.",
    };

    public static Command Create()
    {
        var command = new Command("timing",
            "Times sign-in and lost password, one request at a time, for numbers with an account, in the directory "
            + "without one, and in no directory; prints p50 and p99 of each, with the load average while measured.")
        {
            Target, DirectorySize, EnrolledFrom, Count, Json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = new HttpClient { BaseAddress = parse.GetValue(Target) };
            var before = LoadAverage();
            var run = await AnswerTiming.RunAsync(
                new EnrolmentApi(http), parse.GetValue(DirectorySize), parse.GetValue(EnrolledFrom), Math.Max(1, parse.GetValue(Count)), cancellationToken);
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]answer times[/]")
                .AddColumn("kind").AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("p50 ms").RightAligned())
                .AddColumn(new TableColumn("p99 ms").RightAligned()).AddColumn(new TableColumn("mean ms").RightAligned());
            foreach (var figures in run.Figures)
            {
                table.AddRow(figures.Kind, Text(figures.Count), Text(figures.P50Ms), Text(figures.P99Ms), Text(figures.MeanMs));
            }

            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"load average (1, 5, 15 min) before: {before}; after: {LoadAverage()}");
            AnsiConsole.WriteLine($"real members who then got the reset's SMS: {run.RealWithResetSms} of {run.Count}");
            if (parse.GetValue(Json) is { } json)
            {
                await File.WriteAllTextAsync(json.FullName, JsonSerializer.Serialize(run, LoadReport.JsonOptions), cancellationToken);
            }

            return run.RealWithResetSms == run.Count ? 0 : 1;
        });
        return command;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string Text(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
