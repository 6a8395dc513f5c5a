using Enrolment.Grains.Interfaces.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enrolment.Gateway.Health;

/// <summary>
/// The framework's health checks behind the two probes: <c>/health/live</c> runs none (the process answers),
/// <c>/health/ready</c> runs those tagged "ready" and answers a 503 problem naming what is missing.
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddClusterHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ClusterReadyCheck>("cluster", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Answer("live") })
            .WithMetadata(new HttpMethodMetadata(["GET"]));
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = Answer("ready"),
        }).WithMetadata(new HttpMethodMetadata(["GET"]));
        return routes;
    }

    private static Func<HttpContext, HealthReport, Task> Answer(string status) => (context, report) =>
        report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(new HealthAnswer(status)).ExecuteAsync(context)
            : NotReady(report).ExecuteAsync(context);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotReady(HealthReport report)
    {
        var failed = report.Entries.Values.First(entry => entry.Status != HealthStatus.Healthy);
        var code = failed.Data.TryGetValue("code", out var value) ? value : "not-ready";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            detail: failed.Description,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    public sealed record HealthAnswer(string Status);
}

/// <summary>Ready when a silo answers a grain call and that silo reaches the database.</summary>
public sealed class ClusterReadyCheck(IClusterClient cluster, ILogger<ClusterReadyCheck> logger) : IHealthCheck
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var databaseAnswers = await cluster.GetGrain<IHealthGrain>(0).DatabaseAnswers().WaitAsync(ReadyTimeout, cancellationToken);
            return databaseAnswers ? HealthCheckResult.Healthy() : NotReady("database-unavailable", "The database does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("No silo answered the readiness probe: {Reason}", ex.Message);
            return NotReady("cluster-unavailable", "No silo answers.");
        }
    }

    private static HealthCheckResult NotReady(string code, string description) =>
        HealthCheckResult.Unhealthy(description, data: new Dictionary<string, object> { ["code"] = code });
}
