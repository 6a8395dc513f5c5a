using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

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
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (development)
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
        });

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
