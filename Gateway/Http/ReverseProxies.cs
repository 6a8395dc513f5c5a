using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Enrolment.Gateway.Http;

/// <summary>
/// Behind a load balancer or TLS-terminating proxy, the client's address and scheme arrive in <c>X-Forwarded-For</c>
/// and <c>X-Forwarded-Proto</c>. They are believed only from the proxies listed in <c>ReverseProxies:Trusted</c>
/// (addresses or CIDR networks), so that per-address rate limits count members rather than the proxy, and cookies
/// and HSTS know the member used HTTPS. With none listed, as in development, the headers are ignored: anyone could
/// send them.
/// </summary>
public static class ReverseProxies
{
    public const string TrustedSetting = "ReverseProxies:Trusted";

    public static IServiceCollection AddReverseProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var trusted = configuration.GetSection(TrustedSetting).Get<string[]>() ?? [];
        var networks = trusted.Select(Parse).ToList();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            networks.ForEach(options.KnownIPNetworks.Add);
        });
        return services;
    }

    /// <summary>Reads the forwarded headers of trusted proxies; none trusted, none read (the middleware would trust all).</summary>
    public static WebApplication UseReverseProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static System.Net.IPNetwork Parse(string entry)
    {
        if (System.Net.IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(entry, out var address))
        {
            return new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8);
        }

        throw new InvalidOperationException($"{TrustedSetting}: \"{entry}\" is neither an IP address nor a CIDR network.");
    }
}
