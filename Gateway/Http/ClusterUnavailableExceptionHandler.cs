using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Enrolment.Gateway.Http;

/// <summary>
/// A silo that died and is not yet declared dead, a lost connection to the cluster, a call that timed out, the
/// database restarting: the service is momentarily unreachable, not broken. The member gets <c>503 unavailable</c>
/// with when to try again; whether or not the step was stored, sending it again is safe (steps are idempotent).
/// </summary>
public sealed class ClusterUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemSetup.Problem(StatusCodes.Status503ServiceUnavailable, HttpProblemCodes.Unavailable);
        problem.Title = "Le service est momentanément indisponible. Réessayez dans quelques instants.";
        problem.Extensions["retryAfterSeconds"] = RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    public static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or GatewayTooBusyException or DbException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsTransient),
        { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };
}
