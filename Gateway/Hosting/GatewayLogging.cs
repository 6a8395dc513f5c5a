using Enrolment.ServiceDefaults;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Enrolment.Gateway.Hosting;

public static class GatewayLogging
{
    /// <summary>
    /// Serilog: readable console in Development, compact JSON otherwise; levels from the "Serilog" section.
    /// One line per request (method, route template, status, time): paths hold journey ids, query strings phone numbers.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.AddProductLogging((services, logger) =>
            logger.Enrich.With(new RequestPathAsRouteTemplate(services.GetRequiredService<IHttpContextAccessor>())));

        // First in the pipeline, so that every request is logged whatever the endpoints do.
        builder.Services.AddTransient<IStartupFilter, RequestLoggingFirst>();
        return builder;
    }

    private sealed class RequestLoggingFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSerilogRequestLogging(options => options.GetMessageTemplateProperties = (context, _, elapsed, status) =>
            [
                new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
                new LogEventProperty("RequestPath", new ScalarValue(RouteTemplates.Of(context))),
                new LogEventProperty("StatusCode", new ScalarValue(status)),
                new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
            ]);
            next(app);
        };
    }

    /// <summary>
    /// ASP.NET Core puts the raw path on every line written during a request (its hosting scope's
    /// <c>RequestPath</c>); this writes the route template instead.
    /// </summary>
    private sealed class RequestPathAsRouteTemplate(IHttpContextAccessor accessor) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            if (!logEvent.Properties.ContainsKey("RequestPath"))
            {
                return;
            }

            if (accessor.HttpContext is { } context)
            {
                logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestPath", RouteTemplates.Of(context)));
            }
            else
            {
                logEvent.RemovePropertyIfPresent("RequestPath");
            }
        }
    }
}
