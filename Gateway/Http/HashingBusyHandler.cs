using System.Globalization;
using Enrolment.Grains.Interfaces.Passwords;
using Microsoft.AspNetCore.Diagnostics;

namespace Enrolment.Gateway.Http;

/// <summary>
/// A silo's password-hashing queue is full: nothing was hashed or changed, so the caller may simply try again.
/// Answers <c>503 busy</c> with <c>Retry-After</c>, like any other moment of overload.
/// </summary>
public sealed class HashingBusyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not HashingBusyException busy || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = busy.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemSetup.Problem(StatusCodes.Status503ServiceUnavailable, HttpProblemCodes.Busy);
        problem.Extensions["retryAfterSeconds"] = busy.RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }
}
