using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// The relying party's side of FranceConnect v2: authorization code flow, <c>client_secret_post</c>, id_token
/// checks (signature, issuer, audience, expiry, nonce, acr) and the signed JWT userinfo checked against the key set,
/// which ASP.NET Core's OpenIdConnectHandler would decode without checking.
/// </summary>
public sealed class FranceConnectClient(
    ProviderMetadata metadata, IHttpClientFactory http, IOptions<FranceConnectOptions> options, TimeProvider clock)
{
    private static readonly string[] SigningAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.RsaSha256];
    private static readonly JsonWebTokenHandler Tokens = new() { MapInboundClaims = false };

    private FranceConnectOptions Options => options.Value;

    /// <summary>At least 32 characters, as FranceConnect requires of <c>state</c> and <c>nonce</c> (43 here).</summary>
    public static string NewOpaqueValue() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public async Task<string> AuthorizationUrlAsync(string redirectUri, string state, string nonce, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return QueryHelpers.AddQueryString(configuration.AuthorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = Options.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = Options.Scope,
            ["acr_values"] = Options.Acr,
            ["state"] = state,
            ["nonce"] = nonce,
            ["prompt"] = "login consent",
        });
    }

    public async Task<string> EndSessionUrlAsync(string idTokenHint, string postLogoutRedirectUri, string state, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        return QueryHelpers.AddQueryString(configuration.EndSessionEndpoint, new Dictionary<string, string?>
        {
            ["id_token_hint"] = idTokenHint,
            ["post_logout_redirect_uri"] = postLogoutRedirectUri,
            ["state"] = state,
        });
    }

    /// <summary>The code for tokens, both checked, then the identity from userinfo.</summary>
    public async Task<SignedInIdentity> CompleteAsync(string code, string redirectUri, string nonce, CancellationToken cancellationToken)
    {
        var configuration = await metadata.GetConfigurationAsync(cancellationToken);
        var client = http.CreateClient(ProviderMetadata.HttpClientName);
        using var tokenResponse = await client.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = Options.ClientId,
            ["client_secret"] = Options.ClientSecret,
        }), cancellationToken);
        if (!tokenResponse.IsSuccessStatusCode)
        {
            throw new FranceConnectRefusedException("token-endpoint");
        }

        using var tokens = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(cancellationToken));
        var idToken = StringProperty(tokens.RootElement, "id_token") ?? throw new FranceConnectRefusedException("no-id-token");
        var accessToken = StringProperty(tokens.RootElement, "access_token") ?? throw new FranceConnectRefusedException("no-access-token");

        var idClaims = await ValidateAsync(idToken, configuration.Issuer, checkLifetime: true, "id-token", cancellationToken);
        if (!FixedTimeEquals(PivotClaims.Text(idClaims, "nonce"), nonce))
        {
            throw new FranceConnectRefusedException("nonce");
        }

        if (PivotClaims.Text(idClaims, "acr") != Options.Acr)
        {
            throw new FranceConnectRefusedException("acr");
        }

        var subject = PivotClaims.Text(idClaims, "sub") ?? throw new FranceConnectRefusedException("no-sub");
        var identity = await GetUserInfoAsync(configuration.UserInfoEndpoint, configuration.Issuer, accessToken, cancellationToken);
        if (identity.Subject != subject)
        {
            throw new FranceConnectRefusedException("userinfo-sub");
        }

        return new SignedInIdentity(identity, idToken);
    }

    private async Task<PivotIdentity> GetUserInfoAsync(string endpoint, string issuer, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.CreateClient(ProviderMetadata.HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/jwt")
        {
            throw new FranceConnectRefusedException("userinfo-not-jwt");
        }

        var claims = await ValidateAsync(
            (await response.Content.ReadAsStringAsync(cancellationToken)).Trim(), issuer, checkLifetime: false, "userinfo", cancellationToken);
        return PivotClaims.Read(claims);
    }

    private async Task<IDictionary<string, object>> ValidateAsync(
        string token, string issuer, bool checkLifetime, string what, CancellationToken cancellationToken)
    {
        string? keyId;
        try
        {
            keyId = new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            throw new FranceConnectRefusedException($"{what}-malformed");
        }

        var keys = await metadata.KeysForAsync(keyId, cancellationToken);
        if (keys.Count == 0)
        {
            throw new FranceConnectRefusedException($"{what}-unknown-key");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var skew = Options.ClockSkew;
        var result = await Tokens.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = Options.ClientId,
            IssuerSigningKeys = keys,
            ValidAlgorithms = SigningAlgorithms,
            RequireSignedTokens = true,
            ValidateLifetime = checkLifetime,
            RequireExpirationTime = checkLifetime,
            // A lifetime validator runs even when ValidateLifetime is off: userinfo, which has no exp, gets none.
            LifetimeValidator = checkLifetime
                ? (notBefore, expires, _, _) => expires is { } exp && exp + skew > now && (notBefore is not { } nbf || nbf - skew <= now)
                : null,
        });
        return result.IsValid ? result.Claims : throw new FranceConnectRefusedException($"{what}-{Reason(result.Exception)}");
    }

    private static string Reason(Exception? error) => error switch
    {
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "expired",
        SecurityTokenInvalidIssuerException => "issuer",
        SecurityTokenInvalidAudienceException => "audience",
        _ => "signature",
    };

    private static string? StringProperty(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool FixedTimeEquals(string? actual, string expected) =>
        actual is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected));
}

/// <summary>Who came back, and the id_token that ends their FranceConnect session at sign-out.</summary>
public sealed record SignedInIdentity(PivotIdentity Identity, string IdToken);
