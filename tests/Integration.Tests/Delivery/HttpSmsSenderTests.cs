using Enrolment.Grains.Delivery;
using Enrolment.Silo.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;

namespace Enrolment.Integration.Tests.Delivery;

public sealed class HttpSmsSenderTests
{
    private const int RetriesConfigured = 3;

    // Where slowness is not the subject, an attempt may take long on a busy machine without being retried.
    private static readonly TimeSpan Patient = TimeSpan.FromSeconds(10);

    // Long enough for an answer on a busy machine, far shorter than a provider that stalls.
    private static readonly TimeSpan Impatient = TimeSpan.FromSeconds(2);

    private static readonly SmsMessage Sms = new(
        Guid.NewGuid(), "0639983708", "Votre code de confirmation : 952370. Il est valable 5 minutes.");

    [Fact]
    public async Task An_sms_reaches_a_provider_that_fails_and_stalls_before_accepting()
    {
        await using var provider = await FakeSmsProvider.StartAsync(attempt => attempt switch
        {
            1 => ProviderAnswer.ServerError,
            2 => ProviderAnswer.TooSlow,
            3 => ProviderAnswer.ServerError,
            _ => ProviderAnswer.Accepted,
        });
        using var services = SenderServices(provider.Url, FakeSmsProvider.ApiKey, Impatient);

        await services.GetRequiredService<ISmsSender>().SendAsync(Sms, CancellationToken.None);

        var accepted = provider.Received[^1];
        Assert.Equal(4, accepted.Attempt);
        Assert.Equal(("+33639983708", Sms.Text, Sms.MessageId.ToString()), (accepted.To, accepted.Text, accepted.MessageId));
        Assert.All(provider.Received, attempt =>
        {
            Assert.Equal(Sms.MessageId.ToString(), attempt.IdempotencyKey);
            Assert.Equal(FakeSmsProvider.ApiKey, attempt.ApiKey);
        });
    }

    [Fact]
    public async Task A_provider_that_always_fails_makes_the_send_throw_after_the_configured_retries()
    {
        await using var provider = await FakeSmsProvider.StartAsync(_ => ProviderAnswer.ServerError);
        using var services = SenderServices(provider.Url, FakeSmsProvider.ApiKey, Patient);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => services.GetRequiredService<ISmsSender>().SendAsync(Sms, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(1 + RetriesConfigured, provider.Received.Count);
        Assert.All(provider.Received, attempt => Assert.Equal(Sms.MessageId.ToString(), attempt.IdempotencyKey));
    }

    [Fact]
    public async Task A_provider_that_never_answers_in_time_makes_the_send_throw()
    {
        await using var provider = await FakeSmsProvider.StartAsync(_ => ProviderAnswer.TooSlow);
        using var services = SenderServices(provider.Url, FakeSmsProvider.ApiKey, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(
            () => services.GetRequiredService<ISmsSender>().SendAsync(Sms, CancellationToken.None));

        Assert.Equal(1 + RetriesConfigured, provider.Received.Count);
    }

    [Fact]
    public async Task A_refused_api_key_throws_at_once_without_retrying()
    {
        await using var provider = await FakeSmsProvider.StartAsync(_ => ProviderAnswer.Accepted);
        using var services = SenderServices(provider.Url, "a-revoked-key", Patient);

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => services.GetRequiredService<ISmsSender>().SendAsync(Sms, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Single(provider.Received);
    }

    /// <summary>The silo's own registration, configured as an operator would in Production.</summary>
    private static ServiceProvider SenderServices(Uri providerUrl, string apiKey, TimeSpan attemptTimeout)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:Sms:Provider"] = "Http",
            ["Delivery:Sms:Http:Url"] = providerUrl.ToString(),
            ["Delivery:Sms:Http:ApiKeyHeader"] = FakeSmsProvider.ApiKeyHeader,
            ["Delivery:Sms:Http:ApiKey"] = apiKey,
            ["Delivery:Sms:Http:Resilience:AttemptTimeout:Timeout"] = attemptTimeout.ToString(),
            ["Delivery:Sms:Http:Resilience:TotalRequestTimeout:Timeout"] = "00:02:00",
            ["Delivery:Sms:Http:Resilience:CircuitBreaker:SamplingDuration"] = "00:05:00",
            ["Delivery:Sms:Http:Resilience:Retry:MaxRetryAttempts"] = RetriesConfigured.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Delivery:Sms:Http:Resilience:Retry:Delay"] = "00:00:00.010",
            ["Delivery:Letters:Provider"] = "PrintBatch",
            ["Delivery:Letters:PrintBatch:Directory"] = Path.GetTempPath(),
        }).Build();

        return new ServiceCollection()
            .AddLogging()
            .AddDelivery(configuration, new HostingEnvironment { EnvironmentName = Environments.Production })
            .BuildServiceProvider();
    }
}
