using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// The provider's discovery document and key set, fetched on first use. A token signed with a key id we do not
/// hold refetches the key set once (keys rotate), never more often than <see cref="FranceConnectOptions.KeyRefetchInterval"/>:
/// a stream of forged key ids cannot turn the gateway into a load on the provider.
/// </summary>
public sealed class ProviderMetadata(IHttpClientFactory http, IOptions<FranceConnectOptions> options, TimeProvider clock) : IDisposable
{
    public const string HttpClientName = "franceconnect";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private OpenIdConnectConfiguration? _configuration;
    private JsonWebKeySet? _keys;
    private DateTimeOffset _keysFetchedAt;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancellationToken)
    {
        if (_configuration is { } known)
        {
            return known;
        }

        var address = options.Value.Authority!.TrimEnd('/') + "/.well-known/openid-configuration";
        var json = await http.CreateClient(HttpClientName).GetStringAsync(address, cancellationToken);
        return _configuration = OpenIdConnectConfiguration.Create(json);
    }

    /// <summary>The keys that may have signed a token with this key id: refetched once when the id is unknown.</summary>
    public async Task<IReadOnlyList<SecurityKey>> KeysForAsync(string? keyId, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (_keys is null || (!Holds(_keys, keyId) && now - _keysFetchedAt >= options.Value.KeyRefetchInterval))
            {
                var configuration = await GetConfigurationAsync(cancellationToken);
                var json = await http.CreateClient(HttpClientName).GetStringAsync(configuration.JwksUri, cancellationToken);
                _keys = new JsonWebKeySet(json);
                _keysFetchedAt = now;
            }

            return _keys.GetSigningKeys().Where(key => keyId is null || key.KeyId == keyId).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static bool Holds(JsonWebKeySet keys, string? keyId) => keyId is null || keys.Keys.Any(key => key.Kid == keyId);
}
