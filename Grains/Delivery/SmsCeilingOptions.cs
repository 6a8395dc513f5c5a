namespace Enrolment.Grains.Delivery;

/// <summary>The global ceiling on SMS codes and the cap per phone number (section <c>Delivery:Sms</c>).</summary>
public sealed class SmsCeilingOptions
{
    public const string Section = "Delivery:Sms";

    /// <summary>SMS codes issued per clock hour (UTC) across the whole cluster, enrolments and lost passwords together.</summary>
    public int MaxPerHour { get; set; } = 20_000;

    /// <summary>SMS codes sent to one phone number within <see cref="PhoneWindow"/>, whichever members asked.</summary>
    public int MaxPerPhone { get; set; } = 10;

    public TimeSpan PhoneWindow { get; set; } = TimeSpan.FromHours(24);

    public static bool AreSound(SmsCeilingOptions o) => o.MaxPerHour >= 0 && o.MaxPerPhone > 0 && o.PhoneWindow > TimeSpan.Zero;
}
