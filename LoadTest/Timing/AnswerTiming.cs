using System.Diagnostics;
using System.Globalization;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Members;
using Enrolment.Silo.Members;
using HdrHistogram;

namespace Enrolment.LoadTest.Timing;

/// <summary>
/// Whether an answer's time tells what lies behind it: sign-in and lost password timed, one request at a time, for
/// member numbers with an account (real), in the directory without one (decoy) and in no directory (unknown). The
/// three kinds take turns, so that the machine's other load falls on each alike. Every number is asked once, so
/// that no lock or send limit changes the path measured.
/// </summary>
internal static class AnswerTiming
{
    private const string WrongPassword = "Mauvais2024mot";

    /// <param name="enrolledFrom">The directory index from which a load run (SMS to the phone on file) enrolled at least <paramref name="count"/> members.</param>
    public static async Task<TimingRun> RunAsync(
        EnrolmentApi api, int directorySize, long enrolledFrom, int count, CancellationToken cancellationToken)
    {
        var source = new DevelopmentMemberSource(directorySize);
        var real = source.From(enrolledFrom).Where(m => m.MobileIsTheirsAlone).Take(count).ToList();
        var decoys = source.From(real[^1].Index + 1).Take(count).ToList();
        var unknown = UnknownNumbers(directorySize, count);
        var times = new Dictionary<string, LongHistogram>();

        for (var i = 0; i < count; i++)
        {
            await Time(times, "sign-in real", () => api.SignIn(real[i].MemberNumber, WrongPassword, cancellationToken));
            await Time(times, "sign-in decoy", () => api.SignIn(decoys[i].MemberNumber, WrongPassword, cancellationToken));
            await Time(times, "sign-in unknown", () => api.SignIn(unknown[i], WrongPassword, cancellationToken));
        }

        for (var i = 0; i < count; i++)
        {
            await Time(times, "lost password real", () => api.StartReset(real[i].MemberNumber, Iso(real[i].BirthDate), cancellationToken));
            await Time(times, "lost password decoy", () => api.StartReset(decoys[i].MemberNumber, Iso(decoys[i].BirthDate), cancellationToken));
            await Time(times, "lost password unknown", () => api.StartReset(unknown[i], "1970-01-01", cancellationToken));
        }

        // Real means real: each of those members got the reset's SMS (the dev outbox), so each had an account.
        var sent = 0;
        foreach (var member in real)
        {
            sent += (await api.SmsTo(member.MobilePhone!, cancellationToken)).Body?.Count > 1 ? 1 : 0;
        }

        return new TimingRun([.. times.Select(t => TimingFigures.Of(t.Key, t.Value))], sent, count);
    }

    private static async Task Time<T>(Dictionary<string, LongHistogram> times, string kind, Func<Task<ApiAnswer<T>>> call)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await call();
        var took = Stopwatch.GetElapsedTime(started);
        if ((int)answer.Status is >= 500 or 429)
        {
            throw new InvalidOperationException($"{kind}: {answer}; raise the gateway's limits (docs/reliability.md).");
        }

        if (!times.TryGetValue(kind, out var histogram))
        {
            times[kind] = histogram = new LongHistogram(TimeSpan.FromMinutes(1).Ticks / 10, 3);
        }

        histogram.RecordValue((long)took.TotalMicroseconds);
    }

    /// <summary>Ten-digit numbers that no member of the seeded directory has.</summary>
    private static List<string> UnknownNumbers(int directorySize, int count)
    {
        var taken = SyntheticMembers.Generate(directorySize).Select(m => m.MemberNumber).ToHashSet(StringComparer.Ordinal);
        var numbers = new List<string>();
        while (numbers.Count < count)
        {
            var number = Random.Shared.NextInt64(1_000_000_000, 10_000_000_000).ToString("D10", CultureInfo.InvariantCulture);
            if (!taken.Contains(number) && !numbers.Contains(number))
            {
                numbers.Add(number);
            }
        }

        return numbers;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The figures of each kind, and how many of the real members were shown to be real.</summary>
public sealed record TimingRun(IReadOnlyList<TimingFigures> Figures, int RealWithResetSms, int Count);

/// <summary>One kind of answer's times, in milliseconds.</summary>
public sealed record TimingFigures(string Kind, long Count, double P50Ms, double P99Ms, double MeanMs)
{
    internal static TimingFigures Of(string kind, HistogramBase histogram) => new(
        kind,
        histogram.TotalCount,
        Math.Round(histogram.GetValueAtPercentile(50) / 1000.0, 1),
        Math.Round(histogram.GetValueAtPercentile(99) / 1000.0, 1),
        Math.Round(histogram.GetMean() / 1000, 1));
}
