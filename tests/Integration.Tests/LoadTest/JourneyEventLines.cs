namespace Enrolment.Integration.Tests.LoadTest;

/// <summary>
/// The silo's "Enrolment {Event}" lines are debug lines; tests that tell which silo served a journey turn them on.
/// </summary>
public static class JourneyEventLines
{
    public const string Setting = "Serilog__MinimumLevel__Override__Enrolment.Grains.Enrolments.EnrolmentGrain";

    public static readonly IReadOnlyDictionary<string, string> Shown = new Dictionary<string, string> { [Setting] = "Debug" };
}
