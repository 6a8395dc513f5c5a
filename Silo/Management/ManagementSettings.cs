namespace Enrolment.Silo.Management;

/// <summary>The "Management" section: the silo's own small listener for /metrics and the Orleans dashboard.</summary>
public sealed class ManagementSettings
{
    public const string Section = "Management";

    /// <summary>Where the listener binds; several silos on one machine each need their own port.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:9090";

    /// <summary>The dashboard's Basic credential; outside Development on loopback, no password means no dashboard.</summary>
    public string DashboardUser { get; set; } = "operator";

    public string? DashboardPassword { get; set; }
}
