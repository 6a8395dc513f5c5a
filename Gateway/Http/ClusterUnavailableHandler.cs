using Enrolment.Grains.Interfaces.Operations;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Enrolment.Gateway.Http;

/// <summary>
/// A silo restarting, the cluster briefly out of reach or the database restarting is not a bug: answer <c>503 unavailable</c> with
/// <c>Retry-After</c>, so that the browser and the load generator retry rather than report a fault. Nothing was
/// acknowledged, so nothing is lost.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger)
    : IExceptionHandler
{
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or GatewayTooBusyException or TimeoutException or StorageUnavailableException) || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogWarning("Cluster unavailable for {Route}: {Reason}", Hosting.RouteTemplates.Of(httpContext), exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = ProblemSetup.Problem(StatusCodes.Status503ServiceUnavailable, HttpProblemCodes.Unavailable);
        problem.Extensions["retryAfterSeconds"] = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
