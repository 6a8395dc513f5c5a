using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Enrolment.Gateway.Http.Keys;

public static class SharedDataProtection
{
    /// <summary>A PKCS #12 file (certificate and private key) that encrypts the keys at rest; none in development.</summary>
    public const string CertificateSetting = "DataProtection:CertificatePath";

    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    /// <summary>
    /// One key ring for every gateway, kept in grain storage: an enrolment id or a session cookie protected by one
    /// gateway is read by any other, and survives restarts. With a certificate configured, each key is encrypted with
    /// it before it is stored, so that reading the database is not enough to forge a session; every gateway needs
    /// the same certificate.
    /// </summary>
    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName("enrolment");
        if (configuration[CertificateSetting] is { Length: > 0 } path)
        {
            protection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting]));
        }

        services.AddSingleton<GrainKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options =>
                options.XmlRepository = provider.GetRequiredService<GrainKeyRepository>()));
        return services;
    }
}
