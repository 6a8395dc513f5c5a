using Microsoft.AspNetCore.Diagnostics;

namespace Enrolment.Gateway.Hosting;

/// <summary>
/// What a log line may say of a request's path: the route template (<c>/api/enrolments/{enrolmentId}/code</c>),
/// never the values, because the enrolment, first-login and reset ids in the path are enough to take over a journey.
/// </summary>
public static class RouteTemplates
{
    public static string Of(HttpContext context)
    {
        // The exception handler clears the endpoint before it answers; its feature keeps the one that failed.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint is RouteEndpoint { RoutePattern.RawText: { } template })
        {
            return template.StartsWith('/') ? template : "/" + template;
        }

        // No route matched: pages and scripts are named by their path; anything under the APIs may hold an id.
        var path = context.Request.Path;
        return path.StartsWithSegments("/api") ? "/api/(no route)"
            : path.StartsWithSegments("/dev") ? "/dev/(no route)"
            : path.Value ?? "/";
    }
}
