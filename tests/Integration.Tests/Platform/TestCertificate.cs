using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>A self-signed data-protection certificate in a temporary file: what a gateway outside Development must have.</summary>
public sealed class TestCertificate : IDisposable
{
    public const string Password = "test-password";

    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"enrolment-dp-{Guid.NewGuid():N}.pfx");

    public TestCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=enrolment data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(FilePath, certificate.Export(X509ContentType.Pkcs12, Password));
    }

    public void Dispose() => File.Delete(FilePath);
}
