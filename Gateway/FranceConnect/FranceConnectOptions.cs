namespace Enrolment.Gateway.FranceConnect;

/// <summary>
/// The FranceConnect client registration (section <c>FranceConnect</c>). Without an <see cref="Authority"/> the
/// sign-in block is not offered and every FranceConnect route answers 404.
/// </summary>
public sealed class FranceConnectOptions
{
    public const string Section = "FranceConnect";

    /// <summary>The issuer, e.g. <c>https://fcp-low.sbx.dev-franceconnect.fr/api/v2</c> (sandbox).</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string Scope { get; set; } = "openid given_name family_name birthdate gender birthplace birthcountry preferred_username email";

    /// <summary>eIDAS low: the level FranceConnect v2 grants and the id_token must state.</summary>
    public string Acr { get; set; } = "eidas1";

    /// <summary>How far the provider's clock may be from ours when checking the id_token's times.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A return with an unknown key id refetches the key set, at most this often.</summary>
    public TimeSpan KeyRefetchInterval { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Authority);
}
