using System.Globalization;
using Enrolment.LoadTest.Metrics;
using Spectre.Console;

namespace Enrolment.LoadTest.Cli;

/// <summary>The final report on the console: journeys, throughput, latency per step, unexpected answers.</summary>
internal static class ConsoleReport
{
    public static void Write(LoadReport report)
    {
        var summary = new Table().Border(TableBorder.Rounded).Title("[bold]Run[/]")
            .AddColumn("figure").AddColumn(new TableColumn("value").RightAligned())
            .AddRow("target", Markup.Escape(report.Target))
            .AddRow("model", report.Model == "closed" ? $"closed, {report.Users} members" : $"open, {Decimal(report.Rate ?? 0)} journeys/s")
            .AddRow("mix (sms on file, new phone, letter)", report.Mix)
            .AddRow("elapsed", $"{Decimal(report.ElapsedSeconds)} s")
            .AddRow("directory indices used", $"{report.Directory.Start} – {report.Directory.NextStart - 1} (next start: {report.Directory.NextStart})")
            .AddRow("journeys started / completed", $"{report.Journeys.Started} / {report.Journeys.Completed}")
            .AddRow("journeys failed / abandoned / dropped", $"{report.Journeys.Failed} / {report.Journeys.Abandoned} / {report.Journeys.Dropped}")
            .AddRow("measured window", $"{Decimal(report.Throughput.WindowSeconds)} s")
            .AddRow("completed journeys/s", Decimal(report.Throughput.CompletedJourneysPerSecond))
            .AddRow("persisted steps/s", Decimal(report.Throughput.PersistedStepsPerSecond))
            .AddRow("requests/s", Decimal(report.Throughput.RequestsPerSecond));
        foreach (var scenario in report.Journeys.ByScenario)
        {
            summary.AddRow($"  {scenario.Name} started / completed", $"{scenario.Started} / {scenario.Completed}");
        }

        if (report.MaxTimeReached)
        {
            summary.AddRow("[red]hard time limit[/]", "[red]reached: journeys cut short[/]");
        }

        AnsiConsole.Write(summary);

        var steps = new Table().Border(TableBorder.Rounded).Title("[bold]Latency per step (ms)[/]").AddColumn("step");
        foreach (var column in new[] { "count", "p50", "p90", "p99", "max" })
        {
            steps.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (var step in report.Steps.Where(s => s.Count > 0))
        {
            steps.AddRow(step.Name, step.Count.ToString(CultureInfo.InvariantCulture), Decimal(step.P50Ms),
                Decimal(step.P90Ms), Decimal(step.P99Ms), Decimal(step.MaxMs));
        }

        AnsiConsole.Write(steps);

        var errors = new Table().Border(TableBorder.Rounded)
            .Title(report.Errors.Total == 0 ? "[green]No unexpected answer[/]" : $"[red]{report.Errors.Total} unexpected answers[/]")
            .AddColumn("step").AddColumn("answer").AddColumn(new TableColumn("count").RightAligned());
        foreach (var error in report.Errors.ByStep)
        {
            errors.AddRow(error.Step, Markup.Escape(error.Error), error.Count.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (key, count) in report.Errors.Replayed)
        {
            errors.AddRow("(replayed)", Markup.Escape(key), count.ToString(CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(errors);
    }

    private static string Decimal(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
