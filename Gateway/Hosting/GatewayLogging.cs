using Enrolment.Hosting;
using Serilog;

namespace Enrolment.Gateway.Hosting;

public static class GatewayLogging
{
    /// <summary>
    /// Serilog: readable console in Development, compact JSON otherwise; levels from the "Serilog" section.
    /// One line per request (method, path without query string, status, time): query strings can hold phone numbers.
    /// </summary>
    public static WebApplicationBuilder AddGatewayLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
            ProductLogging.Configure(logger, builder.Configuration, services, development));

        // First in the pipeline, so that every request is logged whatever the endpoints do.
        builder.Services.AddTransient<IStartupFilter, RequestLoggingFirst>();
        return builder;
    }

    private sealed class RequestLoggingFirst : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseSerilogRequestLogging();
            next(app);
        };
    }
}
