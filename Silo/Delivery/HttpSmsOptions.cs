namespace Enrolment.Silo.Delivery;

/// <summary>
/// The SMS provider reached over HTTP (section <c>Delivery:Sms:Http</c>). Timeouts and retries are the
/// standard resilience options under <c>Delivery:Sms:Http:Resilience</c> (see README, "Delivery").
/// </summary>
public sealed class HttpSmsOptions
{
    public const string SectionName = "Delivery:Sms:Http";

    /// <summary>Where each SMS is posted as JSON.</summary>
    public Uri? Url { get; set; }

    /// <summary>The header that carries <see cref="ApiKey"/>.</summary>
    public string ApiKeyHeader { get; set; } = "X-Api-Key";

    public string? ApiKey { get; set; }
}
