using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>A self-signed data-protection certificate in a temporary file: what a gateway outside Development must have.</summary>
public sealed class TestCertificate : IDisposable
{
    private const string Password = "test-password";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"enrolment-dp-{Guid.NewGuid():N}.pfx");

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=enrolment data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pkcs12, Password));
    }

    /// <summary>The gateway settings that name the certificate.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["DataProtection:CertificatePath"] = _path,
        ["DataProtection:CertificatePassword"] = Password,
    };

    public void Dispose() => File.Delete(_path);
}
