namespace Enrolment.Silo.Hosting;

/// <summary>The "Orleans" configuration section: which cluster this silo joins, on which addresses and ports.</summary>
public sealed class OrleansSettings
{
    public const string Section = "Orleans";

    public string ClusterId { get; set; } = "enrolment-dev";

    public string ServiceId { get; set; } = "enrolment";

    /// <summary>Silo-to-silo port. Several silos on one machine each need their own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port clients (gateways) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address both ports bind: one of the machine's, or 0.0.0.0 / :: for all of them.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// The address written in the membership table, where other silos and the gateways reach this one. Default: the
    /// listen address, or the machine's first non-loopback IPv4 address when listening on all of them.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
