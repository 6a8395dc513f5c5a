using Enrolment.Grains.Delivery;
using Enrolment.Silo.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>Everything logged while delivering, at every level, by the senders and the HTTP stack beneath them.</summary>
public sealed class DeliveryLogsTests : IDisposable
{
    private const string Code = "952370";
    private const string Phone = "0639983708";

    private readonly string directory = Directory.CreateTempSubdirectory("print-batch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Sending_an_sms_through_retries_logs_neither_the_code_nor_the_number_nor_the_api_key()
    {
        await using var provider = await FakeSmsProvider.StartAsync(attempt => attempt == 1 ? ProviderAnswer.ServerError : ProviderAnswer.Accepted);
        using var services = Services(provider.Url);

        await services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage(Guid.NewGuid(), Phone, $"Votre code de confirmation : {Code}. Il est valable 5 minutes."), CancellationToken.None);

        var logs = Logged(services);
        Assert.Contains("06******08", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("39983708", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSmsProvider.ApiKey, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Printing_a_letter_logs_nothing_of_its_contents()
    {
        using var services = Services(new Uri("http://127.0.0.1:9/unused"));
        var letter = Letters.ForMarieHelene(DateTimeOffset.UtcNow);

        await services.GetRequiredService<ILetterSender>().SendAsync(letter, CancellationToken.None);
        await services.GetRequiredService<ILetterSender>().SendAsync(letter, CancellationToken.None);

        var logs = Logged(services);
        Assert.Contains(letter.MessageId.ToString(), logs, StringComparison.Ordinal);
        Assert.DoesNotContain(letter.ProvisionalCode, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("ARCY", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("MARCHÉ", logs, StringComparison.Ordinal);
    }

    private ServiceProvider Services(Uri smsProviderUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:Sms:Provider"] = "Http",
            ["Delivery:Sms:Http:Url"] = smsProviderUrl.ToString(),
            ["Delivery:Sms:Http:ApiKeyHeader"] = FakeSmsProvider.ApiKeyHeader,
            ["Delivery:Sms:Http:ApiKey"] = FakeSmsProvider.ApiKey,
            ["Delivery:Sms:Http:Resilience:Retry:Delay"] = "00:00:00.010",
            ["Delivery:Letters:Provider"] = "PrintBatch",
            ["Delivery:Letters:PrintBatch:Directory"] = directory,
        }).Build();

        return new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace))
            .AddFakeLogging()
            .AddDelivery(configuration, new HostingEnvironment { EnvironmentName = Environments.Production })
            .BuildServiceProvider();
    }

    /// <summary>Every record as a sink would write it: message, structured values and exception.</summary>
    private static string Logged(IServiceProvider services) => string.Join('\n', services.GetFakeLogCollector().GetSnapshot().Select(record =>
        $"{record.Level} {record.Category}: {record.Message} {string.Join(' ', record.StructuredState ?? [])} {record.Exception}"));
}
