using System.CommandLine;
using System.CommandLine.Parsing;
using Enrolment.LoadTest.Engine;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Cli;

/// <summary>The command line: every option of a load run, and the hash benchmark sub-command.</summary>
internal static class LoadCommand
{
    private static readonly Option<Uri> Target = new("--target")
    {
        Description = "Gateway base URL. Only loopback addresses are accepted (127.0.0.1, ::1, localhost).",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        CustomParser = ParseTarget,
    };

    private static readonly Option<int> Users = new("--users", "-u")
    {
        Description = "Closed model: this many virtual members at once; each starts a new journey when one ends.",
        DefaultValueFactory = _ => 16,
    };

    private static readonly Option<double?> Rate = new("--rate")
    {
        Description = "Open model instead: journeys started per second, whatever the answers' pace.",
    };

    private static readonly Option<int> MaxInFlight = new("--max-in-flight")
    {
        Description = "Open model: at most this many journeys at once; starts beyond it are counted as dropped.",
        DefaultValueFactory = _ => 5_000,
    };

    private static readonly Option<TimeSpan?> Duration = new("--duration", "-d")
    {
        Description = "How long new journeys are started after the ramp-up (500ms, 30s, 2m, 1h). Default 30s when --journeys is not given.",
        CustomParser = Durations.Parse,
    };

    private static readonly Option<long?> Journeys = new("--journeys", "-n")
    {
        Description = "How many journeys to start in all (with --duration, whichever comes first).",
    };

    private static readonly Option<TimeSpan> RampUp = new("--ramp-up")
    {
        Description = "Closed model: members join evenly over this time. Open model: the rate climbs linearly over it.",
        DefaultValueFactory = _ => TimeSpan.Zero,
        CustomParser = result => Durations.Parse(result) ?? TimeSpan.Zero,
    };

    private static readonly Option<TimeSpan?> MaxTime = new("--max-time")
    {
        Description = "Hard limit: whatever still runs is cancelled and the run fails. Default: ramp-up + duration (or 10m) + 60s.",
        CustomParser = Durations.Parse,
    };

    private static readonly Option<long> Start = new("--start")
    {
        Description = "First directory index to use. Each run must use members no run used before: start the next run at the "
            + "'next start' this one prints (or use --cursor).",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<FileInfo?> Cursor = new("--cursor")
    {
        Description = "File holding the next unused directory index: read as --start when it exists, written back after the run.",
    };

    private static readonly Option<int> DirectorySize = new("--directory-size")
    {
        Description = "Members the directory was seeded with (the silo's 'seed --members N'); exactly that number, so that "
            + "members sharing an identity or a mobile are recognised and left out.",
        DefaultValueFactory = _ => 1_000_000,
    };

    private static readonly Option<ScenarioMix> Mix = new("--mix")
    {
        Description = "Weights of: SMS to the phone on file, SMS to a new phone, letter then first login.",
        DefaultValueFactory = _ => ScenarioMix.Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (ScenarioMix.TryParse(text, out var mix))
            {
                return mix;
            }

            result.AddError($"'{text}' is not a mix: write three whole weights, e.g. 70,20,10.");
            return ScenarioMix.Default;
        },
    };

    private static readonly Option<int> SignIns = new("--sign-ins")
    {
        Description = "Sign-ins with the new password after each completed journey.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<string?> StopAfter = new("--stop-after")
    {
        Description = "End each journey right after this step, leaving it open (e.g. 'start' to measure memory per open journey).",
    };

    private static readonly Option<int> StepRetries = new("--step-retries")
    {
        Description = "Replays of a step whose answer was lost (transport error or 5xx) before counting it as unexpected.",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<TimeSpan> OutboxTimeout = new("--outbox-timeout")
    {
        Description = "How long to wait for a code or a letter to appear in the development outbox.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(15),
        CustomParser = result => Durations.Parse(result) ?? TimeSpan.Zero,
    };

    private static readonly Option<TimeSpan> RequestTimeout = new("--request-timeout")
    {
        Description = "Time limit of one HTTP request.",
        DefaultValueFactory = _ => TimeSpan.FromSeconds(30),
        CustomParser = result => Durations.Parse(result) ?? TimeSpan.Zero,
    };

    private static readonly Option<int?> Connections = new("--connections")
    {
        Description = "HTTP connections to the gateway. Default: one per member (closed) or up to 1024 (open).",
    };

    private static readonly Option<FileInfo?> Json = new("--json")
    {
        Description = "Also write the report as JSON to this file (fields described in docs/benchmarks.md).",
    };

    private static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "No live display (it is also off when the output is redirected).",
    };

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Drives virtual members through whole enrolment journeys against a running gateway (Development environment: "
            + "codes and letters are read from the dev outbox), then prints throughput, latency per step and unexpected "
            + "answers. Exits with 1 when any answer was unexpected or the hard time limit cut journeys short. "
            + "The gateway's per-address rate limits must be raised for a load from one address: see docs/benchmarks.md.")
        {
            Target, Users, Rate, MaxInFlight, Duration, Journeys, RampUp, MaxTime, Start, Cursor, DirectorySize, Mix,
            SignIns, StopAfter, StepRetries, OutboxTimeout, RequestTimeout, Connections, Json, NoProgress,
        };
        root.Validators.Add(Validate);
        root.SetAction(RunAsync);
        root.Subcommands.Add(HashBenchmarkCommand.Create());
        root.Subcommands.Add(TimingCommand.Create());
        return root;
    }

    internal static Uri ParseTarget(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (Uri.TryCreate(text, UriKind.Absolute, out var target) && LoopbackTarget.IsLoopback(target))
        {
            return target;
        }

        result.AddError($"--target must be an http(s) URL on a loopback address (127.0.0.1, ::1 or localhost), not '{text}'.");
        return new Uri("http://127.0.0.1:5080");
    }

    private static void Validate(CommandResult result)
    {
        // The open model has no members count (and a default read here with --rate comes back 0).
        if (result.GetValue(Rate) is null && result.GetValue(Users) < 1)
        {
            result.AddError("--users must be at least 1.");
        }

        if (result.GetValue(Rate) is <= 0)
        {
            result.AddError("--rate must be above 0.");
        }

        if (result.GetValue(Journeys) is < 1)
        {
            result.AddError("--journeys must be at least 1.");
        }

        if (result.GetValue(StopAfter) is { } step && !StepNames.All.Contains(step))
        {
            result.AddError($"--stop-after must be one of: {string.Join(", ", StepNames.All)}.");
        }

        if (result.GetValue(Start) < 0 || result.GetValue(SignIns) < 0 || result.GetValue(StepRetries) < 0)
        {
            result.AddError("--start, --sign-ins and --step-retries cannot be negative.");
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var cursor = parse.GetValue(Cursor);
        var start = cursor is { Exists: true } ? RunCursor.Read(cursor) : parse.GetValue(Start);
        var journeys = parse.GetValue(Journeys);
        var showProgress = !parse.GetValue(NoProgress) && !Console.IsOutputRedirected;
        var progress = new LiveProgress();
        var options = new LoadOptions
        {
            Target = parse.GetValue(Target)!,
            Users = parse.GetValue(Users),
            Rate = parse.GetValue(Rate),
            MaxInFlight = parse.GetValue(MaxInFlight),
            Duration = parse.GetValue(Duration) ?? (journeys is null ? TimeSpan.FromSeconds(30) : null),
            Journeys = journeys,
            RampUp = parse.GetValue(RampUp),
            MaxTime = parse.GetValue(MaxTime),
            Start = start,
            DirectorySize = parse.GetValue(DirectorySize),
            Mix = parse.GetValue(Mix)!,
            SignIns = parse.GetValue(SignIns),
            StopAfter = parse.GetValue(StopAfter),
            StepRetries = parse.GetValue(StepRetries),
            OutboxTimeout = parse.GetValue(OutboxTimeout),
            RequestTimeout = parse.GetValue(RequestTimeout),
            MaxConnections = parse.GetValue(Connections),
            RecordAcknowledgements = false,
            OnProgress = showProgress ? progress.Update : null,
        };

        var run = LoadRun.RunAsync(options, cancellationToken);
        var report = showProgress ? await progress.ShowUntilAsync(run) : await run;
        if (cursor is not null)
        {
            RunCursor.Write(cursor, report.Directory.NextStart);
        }

        ConsoleReport.Write(report);
        if (parse.GetValue(Json) is { } json)
        {
            await File.WriteAllTextAsync(json.FullName, report.ToJson(), cancellationToken);
        }

        return report.Succeeded ? 0 : 1;
    }
}
