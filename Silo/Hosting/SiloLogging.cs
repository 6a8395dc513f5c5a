using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Enrolment.Silo.Hosting;

public static class SiloLogging
{
    /// <summary>Serilog: readable console in Development, compact JSON otherwise; levels from the "Serilog" section.</summary>
    public static IHostApplicationBuilder AddSiloLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
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
        return builder;
    }
}
