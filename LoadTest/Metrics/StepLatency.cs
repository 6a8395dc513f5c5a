using HdrHistogram;

namespace Enrolment.LoadTest.Metrics;

/// <summary>Latency of one step name over the run, in milliseconds (HdrHistogram, 3 significant digits).</summary>
public sealed record StepLatency(string Name, long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs)
{
    internal static StepLatency Of(string name, HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return new StepLatency(name, 0, 0, 0, 0, 0, 0);
        }

        return new StepLatency(
            name,
            histogram.TotalCount,
            Milliseconds(histogram.GetValueAtPercentile(50)),
            Milliseconds(histogram.GetValueAtPercentile(90)),
            Milliseconds(histogram.GetValueAtPercentile(99)),
            Milliseconds(histogram.GetMaxValue()),
            Math.Round(histogram.GetMean() / 1000, 3));
    }

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}

/// <summary>How often one unexpected answer came back at one step.</summary>
public sealed record StepErrorCount(string Step, string Error, long Count);

/// <summary>Journeys of one scenario.</summary>
public sealed record ScenarioFigures(string Name, long Started, long Completed);
