using Enrolment.Hosting;
using Serilog;

namespace Enrolment.Silo.Hosting;

public static class SiloLogging
{
    /// <summary>Serilog: readable console in Development, compact JSON otherwise; levels from the "Serilog" section.</summary>
    public static IHostApplicationBuilder AddSiloLogging(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
            ProductLogging.Configure(logger, builder.Configuration, services, development));
        return builder;
    }
}
