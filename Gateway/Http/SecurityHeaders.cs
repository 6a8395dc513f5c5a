namespace Enrolment.Gateway.Http;

/// <summary>Headers that keep the wizard's pages from being framed, sniffed or fed inline script, on every answer.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set when the answer starts, so that error answers written further in get them too.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // The API reference (Development only) is a third-party page with inline script: it keeps the rest.
            if (!IsDevelopmentApiReference(context))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/dev"))
            {
                // Journey answers hold personal data: no cache keeps them.
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(context);
    });

    private static bool IsDevelopmentApiReference(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiDocs.ApiDocsSetup.ReferencePath)
        && context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
}
