using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Enrolment.Gateway.Http.Keys;

public static class SharedDataProtection
{
    /// <summary>
    /// One key ring for every gateway, kept in grain storage: an enrolment id or a session cookie protected by one
    /// gateway is read by any other, and survives restarts.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("enrolment");
        services.AddSingleton<GrainKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = provider.GetRequiredService<GrainKeyRepository>()));
        return services;
    }
}
