using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.LoadTest.Engine;
using Enrolment.LoadTest.Metrics;
using Orleans.Runtime;
using Xunit.Abstractions;
using StepNames = Enrolment.LoadTest.Metrics.StepNames;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// The chaos run (docs/reliability.md): virtual members go through whole journeys while a silo is killed without
/// warning and started again, PostgreSQL restarts, and the gateway is killed and started again. Members see errors
/// during the faults and replay their step, as a browser would; what counts is that nothing they were told succeeded
/// is missing from the database afterwards. CI size by default; CHAOS_SECONDS, CHAOS_USERS and CHAOS_SILOS make it bigger.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class ChaosRunTests(ITestOutputHelper output)
{
    private static readonly int Seconds = Setting("CHAOS_SECONDS", 75);
    private static readonly int Users = Setting("CHAOS_USERS", 24);
    private static readonly int Silos = Setting("CHAOS_SILOS", 2);
    private readonly List<string> _faults = [];
    private ProgressSnapshot? _progress;

    [Fact]
    public async Task No_acknowledged_step_is_lost_when_a_silo_is_killed_the_database_restarts_and_the_gateway_restarts()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var stack = await RunningStack.StartAsync(new StackShape
        {
            // Each journey takes a member of its own: enough for 3 journeys a second per member, so the load never runs dry.
            Members = Math.Max(5_000, Users * Seconds * 3),
            Silos = Silos,
            ConnectionString = postgres.ConnectionString,
        });

        var duration = TimeSpan.FromSeconds(Seconds);
        var load = LoadRun.RunAsync(new LoadOptions
        {
            Target = stack.Gateway,
            Users = Users,
            Duration = duration,
            RampUp = TimeSpan.FromSeconds(5),
            MaxTime = duration + TimeSpan.FromMinutes(3),
            DirectorySize = stack.Members,
            StepRetries = 40,
            RetryDelay = TimeSpan.FromSeconds(1),
            OutboxTimeout = TimeSpan.FromSeconds(90),
            RequestTimeout = TimeSpan.FromSeconds(20),
            OnProgress = snapshot => _progress = snapshot,
        }, CancellationToken.None);

        var killed = await InjectFaultsAsync(stack, postgres, duration);
        var report = await load;

        var stored = new StoredState(postgres.ConnectionString, stack.ClusterId);
        var settled = await SettleAsync(stored);
        var check = await CheckAsync(stack, stored, report);
        var killedStatuses = await stored.SiloStatusesAsync(stack.ClusterId, stack.SiloPort(killed));
        var summary = Summary(report, check, killedStatuses, settled);
        output.WriteLine(summary);

        Assert.True(report.Journeys.Completed > 0, $"No journey completed at all.\n{summary}\n{stack.Output}");
        Assert.True(check.Lost.Count == 0, $"Acknowledged steps lost:\n{string.Join('\n', check.Lost)}\n{summary}");
        Assert.True(check.WithoutAccount.Count == 0, $"Completed journeys without their account:\n{string.Join('\n', check.WithoutAccount)}");
        Assert.True(check.Undelivered.Count == 0, $"Messages never delivered:\n{string.Join('\n', check.Undelivered)}");
        Assert.True(check.Duplicates.Count == 0, $"Members with two accounts or two live journeys:\n{string.Join('\n', check.Duplicates)}");
        Assert.Equal((int)SiloStatus.Dead, killedStatuses[0]);
    }

    /// <summary>
    /// The three faults, at fixed points of the load (a fault waits for the previous one to be over, so on a slow
    /// machine it may come later), each described with the load it hit. Returns the killed silo.
    /// </summary>
    private async Task<int> InjectFaultsAsync(RunningStack stack, PrivatePostgres postgres, TimeSpan duration)
    {
        var load = Stopwatch.StartNew();
        Task Until(double fraction) => Task.Delay(Max(TimeSpan.Zero, (duration * fraction) - load.Elapsed));

        var victim = Silos - 1;
        await Until(0.12);
        Record($"silo-{victim} killed (SIGKILL)");
        stack.KillSilo(victim);
        await Task.Delay(TimeSpan.FromSeconds(5));
        stack.StartSilo(victim);
        await ActiveAgainAsync(stack, postgres, victim);
        Record($"silo-{victim} started again on its ports and active");

        await Until(0.45);
        Record("PostgreSQL restarting (scripts/db.sh restart)");
        await postgres.RestartAsync();
        Record("PostgreSQL back");

        await Until(0.75);
        Record("gateway-0 killed (SIGKILL) and started again");
        stack.KillGateway(0);
        stack.StartGateway(0);
        await stack.WaitUntilReadyAsync();
        Record("gateway-0 ready");
        return victim;
    }

    /// <summary>
    /// Waits for the work owed after acknowledged steps (an account to create, a message to send) to be done: a grain
    /// whose silo died is woken by its reminder, up to a minute later. Work without a reminder is not waited for,
    /// and the check then finds it missing.
    /// </summary>
    private static async Task<TimeSpan> SettleAsync(StoredState stored)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.True(
            async () => await stored.GrainsWithPendingWorkAsync() == 0,
            () => "the pending work of every grain done (pending-work reminders gone)",
            TimeSpan.FromMinutes(3),
            TimeSpan.FromSeconds(1));
        return clock.Elapsed;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Waits for the new generation of the silo to be active: a silo still starting when the database goes away
    /// gives up (its supervisor would start it again), which is not the fault this run injects.
    /// </summary>
    private static async Task ActiveAgainAsync(RunningStack stack, PrivatePostgres postgres, int silo)
    {
        var stored = new StoredState(postgres.ConnectionString, stack.ClusterId);
        await Eventually.True(
            async () => await stored.SiloStatusesAsync(stack.ClusterId, stack.SiloPort(silo)) is [_, .., (int)SiloStatus.Active],
            () => $"silo-{silo} active again:\n{stack.Output}",
            TimeSpan.FromMinutes(2),
            TimeSpan.FromMilliseconds(500));
    }

    private void Record(string fault)
    {
        var load = _progress is { } p
            ? string.Create(CultureInfo.InvariantCulture,
                $"t={p.Elapsed.TotalSeconds:0}s, {p.InFlight} journeys in flight, {p.StepsPerSecond:0.0} steps/s, {p.Started} started, {p.Completed} completed")
            : "before the first progress report";
        _faults.Add($"{fault} — {load}");
    }

    private static async Task<ChaosCheck> CheckAsync(RunningStack stack, StoredState stored, LoadReport report)
    {
        var enrolments = await stored.EnrolmentsAsync();
        var accounts = await stored.AccountsAsync();
        var delivered = await stored.DeliveredMessageIdsAsync();
        var enrolmentOf = enrolments.GroupBy(e => e.MemberNumber).ToDictionary(g => g.Key, g => g.First());
        var accountOf = accounts.GroupBy(a => a.MemberNumber).ToDictionary(g => g.Key, g => g.First());
        var check = new ChaosCheck();

        foreach (var ack in report.Acknowledgements.Where(a => StepNames.IsPersisted(a.Step)))
        {
            if (AcknowledgedSteps.AtLeast(ack.Step) is null)
            {
                check.Lost.Add($"{ack.MemberNumber} {ack.Step}: a stored step this check does not know");
                continue;
            }

            check.Checked++;
            if (AcknowledgedSteps.Broken(ack.Step, enrolmentOf.GetValueOrDefault(ack.MemberNumber),
                    accountOf.GetValueOrDefault(ack.MemberNumber)) is { } broken)
            {
                var trail = string.Join(", ", enrolmentOf.GetValueOrDefault(ack.MemberNumber)?.AuditKinds ?? []);
                check.Lost.Add($"{ack.MemberNumber} {ack.Step} at {ack.At:O}: {broken} (stored trail: {trail})");
            }
        }

        foreach (var enrolment in enrolments)
        {
            if (enrolment.RecordedMemberNumber is { } recorded && recorded != enrolment.MemberNumber)
            {
                check.Duplicates.Add($"row of {enrolment.MemberNumber} holds the journey of {recorded}");
            }

            if (enrolment.Step is JourneyStep.Completed or JourneyStep.LetterSent
                && accountOf.GetValueOrDefault(enrolment.MemberNumber)?.EnrolmentJourneyId != enrolment.JourneyId)
            {
                check.WithoutAccount.Add($"{enrolment.MemberNumber} {enrolment.Step}");
            }

            foreach (var message in enrolment.SmsIssued.Except(enrolment.SmsCancelled).Concat(enrolment.LettersQueued))
            {
                check.Messages++;
                if (!delivered.Contains(message))
                {
                    check.Undelivered.Add($"{enrolment.MemberNumber} message {message} ({enrolment.Step})");
                }
            }
        }

        check.Duplicates.AddRange(accounts.GroupBy(a => a.MemberNumber).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {g.Count()} accounts"));
        check.Duplicates.AddRange(await MembersWithTwoLiveJourneysAsync(stack, report));
        return check;
    }

    /// <summary>Members who were handed several journeys (a start replayed during a fault): at most one may still answer.</summary>
    private static async Task<IEnumerable<string>> MembersWithTwoLiveJourneysAsync(RunningStack stack, LoadReport report)
    {
        using var http = new HttpClient { BaseAddress = stack.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var several = report.Acknowledgements.Where(a => a.Step == StepNames.Start && a.EnrolmentId is not null)
            .GroupBy(a => a.MemberNumber).Where(g => g.Select(a => a.EnrolmentId).Distinct().Count() > 1);
        var found = new List<string>();
        foreach (var member in several)
        {
            var live = 0;
            foreach (var id in member.Select(a => a.EnrolmentId!).Distinct())
            {
                using var answer = await http.GetAsync(new Uri($"/api/enrolments/{Uri.EscapeDataString(id)}", UriKind.Relative));
                live += answer.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            if (live > 1)
            {
                found.Add($"{member.Key}: {live} live journeys");
            }
        }

        return found;
    }

    private string Summary(LoadReport report, ChaosCheck check, IReadOnlyList<int> killedStatuses, TimeSpan settled)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Chaos run: {Users} virtual members for {Seconds} s on {Silos} silos and 1 gateway (CHAOS_USERS, CHAOS_SECONDS, CHAOS_SILOS)");
        text.AppendLine("Faults:");
        foreach (var fault in _faults)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {fault}");
        }

        var journeys = report.Journeys;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Journeys: {journeys.Started} started, {journeys.Completed} completed, {journeys.Failed} failed, {journeys.Abandoned} abandoned");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Steps acknowledged: {report.Acknowledgements.Count} ({report.Throughput.PersistedSteps} stored steps); checked against the database: {check.Checked}; lost: {check.Lost.Count}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Messages (codes and letters) issued: {check.Messages}; never delivered: {check.Undelivered.Count}; completed journeys without account: {check.WithoutAccount.Count}; duplicates: {check.Duplicates.Count}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Pending work (pending-work reminders) all done {settled.TotalSeconds:0} s after the load");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Killed silo in the membership table: {string.Join(", ", killedStatuses.Select(s => $"{(SiloStatus)s} ({s})"))}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Errors seen by members: {string.Join(", ", report.Errors.ByStep.Select(e => $"{e.Step} {e.Error} ×{e.Count}"))}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Steps replayed after a lost answer: {string.Join(", ", report.Errors.Replayed.Select(r => $"{r.Key} ×{r.Value}"))}");
        return text.ToString();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private sealed class ChaosCheck
    {
        public int Checked { get; set; }

        public int Messages { get; set; }

        public List<string> Lost { get; } = [];

        public List<string> WithoutAccount { get; } = [];

        public List<string> Undelivered { get; } = [];

        public List<string> Duplicates { get; } = [];
    }
}
