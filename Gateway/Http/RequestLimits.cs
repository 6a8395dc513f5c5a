using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Enrolment.Gateway.Http;

/// <summary>Bounds on what one request may cost: body, headers, and how slowly a client may send them.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;
    public const int MaxHeaderBytes = 16 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = MaxBodyBytes;
            limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
            limits.MaxRequestHeaderCount = 50;
            limits.MaxRequestLineSize = 8 * 1024;
            limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            limits.KeepAliveTimeout = TimeSpan.FromMinutes(1);

            // A client trickling its body slower than this is cut off after the grace period.
            limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });
        return builder;
    }

    /// <summary>
    /// Answers an announced oversized body or header block with a problem before anything reads it.
    /// Kestrel enforces the same bounds on the wire (chunked bodies included); this gives the clear answer.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var status = context.Request.ContentLength > MaxBodyBytes ? StatusCodes.Status413PayloadTooLarge
            : HeaderBytes(context.Request.Headers) > MaxHeaderBytes ? StatusCodes.Status431RequestHeaderFieldsTooLarge
            : 0;
        if (status == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = ProblemSetup.Problem(status, HttpProblemCodes.ForStatus(status)),
        });
    });

    private static long HeaderBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }
}
