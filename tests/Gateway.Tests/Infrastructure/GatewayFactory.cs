using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (Development environment, so the dev outbox is mapped) whose Orleans client is the test
/// cluster's: the gateway's own client registration is switched off with <c>Orleans:Clustering=External</c>.
/// </summary>
public sealed class GatewayFactory(
    IClusterClient client,
    IDictionary<string, string?> settings,
    string environment = "Development",
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Orleans:Clustering", "External");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(testServices =>
        {
            testServices.AddSingleton(client);
            testServices.AddSingleton<IGrainFactory>(client);
            testServices.AddSingleton<IStartupFilter, OwnClientAddress>();
            services?.Invoke(testServices);
        });
    }
}
