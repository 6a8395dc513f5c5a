using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Enrolment.ServiceDefaults;

/// <summary>
/// Serilog as every process of the product logs: readable console in Development, compact JSON otherwise;
/// levels from the "Serilog" section over quiet framework defaults. Used by the silo and the gateway.
/// </summary>
public static class ProductLogging
{
    /// <summary>Serilog for this host; <paramref name="extend"/> adds what one process needs beyond the defaults.</summary>
    public static IHostApplicationBuilder AddProductLogging(
        this IHostApplicationBuilder builder, Action<IServiceProvider, LoggerConfiguration>? extend = null)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            var configured = Configure(logger, builder.Configuration, services, development);
            extend?.Invoke(services, configured);
        });
        return builder;
    }

    private static LoggerConfiguration Configure(
        LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, bool development)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
            .MinimumLevel.Override("Polly", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            // Hosting's own request lines carry query strings (the dev outbox's phone numbers); the one-line request
            // log replaces them. Set after the configuration so that no verbose setting brings them back.
            .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LogEventLevel.Warning)
            // Routing and static files name the request's raw path in their debug lines, and paths hold journey ids.
            // Their information lines (two a request) only repeat the request log line, and writing log lines to the
            // console took most of a gateway request's time in a profile (docs/benchmarks.md, "Where the CPU goes").
            .MinimumLevel.Override("Microsoft.AspNetCore.Routing", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.AspNetCore.StaticFiles", LogEventLevel.Warning)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        return development
            ? logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : logger.WriteTo.Console(new CompactJsonFormatter());
    }
}
