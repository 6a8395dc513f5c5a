using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// Posts each SMS to the provider as JSON <c>{"to":"+33639983708","text":"…","messageId":"…"}</c> with the API key
/// header and an <c>Idempotency-Key</c> header equal to the message id, so that the provider drops a re-delivery.
/// Timeouts and retries come from the named client's resilience pipeline; any answer but 2xx throws, so the
/// outbox tries again later.
/// </summary>
public sealed partial class HttpSmsSender(
    IHttpClientFactory httpClientFactory,
    IOptions<HttpSmsOptions> options,
    ILogger<HttpSmsSender> logger) : ISmsSender
{
    public const string HttpClientName = "sms-provider";

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var provider = options.Value;
        var body = new ProviderSms(FrenchMobile.ToInternational(message.To), message.Text, message.MessageId);
        using var request = new HttpRequestMessage(HttpMethod.Post, provider.Url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", message.MessageId.ToString());
        request.Headers.Add(provider.ApiKeyHeader, provider.ApiKey);

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The SMS provider answered {(int)response.StatusCode} to message {message.MessageId}.",
                inner: null,
                response.StatusCode);
        }

        LogHandedOver(logger, message.MessageId, FrenchMobile.MaskForLogs(message.To));
    }

    [LoggerMessage(LogLevel.Information, "SMS {MessageId} handed to the provider for {Recipient}")]
    private static partial void LogHandedOver(ILogger logger, Guid messageId, string recipient);

    /// <summary>The provider's request body.</summary>
    private sealed record ProviderSms(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("messageId")] Guid MessageId);
}
