using System.Globalization;
using Enrolment.LoadTest.Metrics;
using Spectre.Console;

namespace Enrolment.LoadTest.Cli;

/// <summary>A live table of the run so far, refreshed twice a second until the run ends.</summary>
internal sealed class LiveProgress
{
    private volatile ProgressSnapshot? _latest;

    public void Update(ProgressSnapshot snapshot) => _latest = snapshot;

    public async Task<LoadReport> ShowUntilAsync(Task<LoadReport> run)
    {
        await AnsiConsole.Live(Render(null)).StartAsync(async context =>
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(500)));
                context.UpdateTarget(Render(_latest));
            }
        });
        return await run;
    }

    private static Table Render(ProgressSnapshot? snapshot)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]Enrolment load[/]")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        if (snapshot is null)
        {
            return table.AddRow("elapsed", "starting…");
        }

        table.AddRow("elapsed", $"{snapshot.Elapsed.TotalSeconds:F0} s")
            .AddRow("journeys started", Number(snapshot.Started))
            .AddRow("journeys completed", Number(snapshot.Completed))
            .AddRow("journeys failed", snapshot.Failed == 0 ? "0" : $"[red]{Number(snapshot.Failed)}[/]")
            .AddRow("journeys in flight", Number(snapshot.InFlight))
            .AddRow("persisted steps/s", snapshot.StepsPerSecond.ToString("F0", CultureInfo.InvariantCulture))
            .AddRow("completed journeys/s", snapshot.CompletedPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        foreach (var (code, count) in snapshot.Errors)
        {
            table.AddRow($"[red]error {Markup.Escape(code)}[/]", $"[red]{Number(count)}[/]");
        }

        return table;
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
