using Enrolment.Grains.Interfaces.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enrolment.Gateway.Health;

public static class HealthApi
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("/health");
        health.MapGet("/live", () => TypedResults.Ok(new HealthStatus("live")));
        health.MapGet("/ready", Ready);
        return routes;
    }

    /// <summary>Ready when a silo answers a grain call and that silo reaches the database.</summary>
    public static async Task<Results<Ok<HealthStatus>, ProblemHttpResult>> Ready(
        IClusterClient cluster, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var databaseAnswers = await cluster.GetGrain<IHealthGrain>(0).DatabaseAnswers()
                .WaitAsync(ReadyTimeout, cancellationToken);
            return databaseAnswers
                ? TypedResults.Ok(new HealthStatus("ready"))
                : NotReady("database-unavailable", "The database does not answer.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(HealthApi)).LogWarning("No silo answered the readiness probe: {Reason}", ex.Message);
            return NotReady("cluster-unavailable", "No silo answers.");
        }
    }

    private static ProblemHttpResult NotReady(string code, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Not ready",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["code"] = code });

    public sealed record HealthStatus(string Status);
}
