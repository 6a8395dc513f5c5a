namespace Enrolment.Grains.Delivery;

/// <summary>The global ceiling on SMS codes (section <c>Delivery:Sms</c>, key <c>MaxPerHour</c>).</summary>
public sealed class SmsCeilingOptions
{
    public const string Section = "Delivery:Sms";

    /// <summary>SMS codes issued per clock hour (UTC) across the whole cluster, enrolments and lost passwords together.</summary>
    public int MaxPerHour { get; set; } = 20_000;
}
