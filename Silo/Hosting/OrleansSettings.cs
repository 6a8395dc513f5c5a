namespace Enrolment.Silo.Hosting;

/// <summary>The "Orleans" configuration section: which cluster this silo joins and on which ports.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "enrolment-dev";

    public string ServiceId { get; set; } = "enrolment";

    /// <summary>Silo-to-silo port. Several silos on one machine each need their own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (gateways) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;
}
