using System.Security.Cryptography;
using Enrolment.Gateway.Http.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// With a certificate configured, the gateways' data-protection keys are stored encrypted: the database alone does
/// not give what it takes to forge a session cookie, and only gateways holding the certificate read what another
/// protected.
/// </summary>
public sealed class EncryptedKeyRingTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);
    private readonly TestCertificate certificate = new();

    [Fact]
    public async Task Keys_are_stored_encrypted_and_read_only_by_gateways_holding_the_certificate()
    {
        await silos.StartSiloAsync();
        var first = await GatewayAsync(withCertificate: true);
        var protectedText = Protector(first).Protect("session of member 0612345678");

        var stored = await StoredKeyRingAsync();
        Assert.Contains("EncryptedData", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted", stored, StringComparison.Ordinal);

        var second = await GatewayAsync(withCertificate: true);
        Assert.Equal("session of member 0612345678", Protector(second).Unprotect(protectedText));

        var withoutCertificate = await GatewayAsync(withCertificate: false);
        Assert.ThrowsAny<CryptographicException>(() => Protector(withoutCertificate).Unprotect(protectedText));
    }

    private Task<WebApplication> GatewayAsync(bool withCertificate) => silos.StartGatewayClientAsync(builder =>
    {
        if (withCertificate)
        {
            builder.Configuration[SharedDataProtection.CertificateSetting] = certificate.FilePath;
            builder.Configuration[SharedDataProtection.CertificatePasswordSetting] = TestCertificate.Password;
        }

        builder.Services.AddSharedDataProtection(builder.Configuration);
    });

    private static IDataProtector Protector(WebApplication gateway) =>
        gateway.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("encrypted-key-ring-test");

    private async Task<string> StoredKeyRingAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT payload_json FROM grain_state WHERE service_id = $1 AND state_name = 'key-ring'");
        command.Parameters.Add(new NpgsqlParameter { Value = silos.ServiceId });
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await silos.DisposeAsync();
        certificate.Dispose();
    }
}
