using Enrolment.Grains.Delivery;
using Enrolment.Silo.Delivery;
using Enrolment.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Enrolment.Integration.Tests.Delivery;

public sealed class DeliveryServicesTests
{
    [Fact]
    public void Production_without_an_sms_provider_refuses_to_start_and_says_which_setting_is_missing()
    {
        var failure = Assert.Throws<SettingRefusedException>(() => Register(Environments.Production, new()
        {
            ["Delivery:Letters:Provider"] = "PrintBatch",
        }));

        Assert.Contains("Delivery:Sms:Provider", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_without_a_letter_provider_refuses_to_start_and_says_which_setting_is_missing()
    {
        var failure = Assert.Throws<SettingRefusedException>(() => Register(Environments.Production, new()
        {
            ["Delivery:Sms:Provider"] = "Http",
        }));

        Assert.Contains("Delivery:Letters:Provider", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_provider_is_refused_by_name()
    {
        var failure = Assert.Throws<SettingRefusedException>(() => Register(Environments.Development, new()
        {
            ["Delivery:Sms:Provider"] = "Pigeon",
        }));

        Assert.Contains("'Pigeon'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_the_development_senders_by_name()
    {
        var failure = Assert.Throws<SettingRefusedException>(() => Register(Environments.Production, new()
        {
            ["Delivery:Sms:Provider"] = "Http",
            ["Delivery:Letters:Provider"] = "Development",
        }));

        Assert.Equal("Delivery:Letters:Provider", failure.Setting);
    }

    [Fact]
    public async Task Development_records_messages_in_the_development_outbox_by_default()
    {
        await using var dataSource = NpgsqlDataSource.Create("Host=127.0.0.1;Database=not-opened");
        var builder = Register(Environments.Development, []);
        builder.Services.AddSingleton(dataSource);
        using var host = builder.Build();

        Assert.IsType<DevelopmentSmsSender>(host.Services.GetRequiredService<ISmsSender>());
        Assert.IsType<DevelopmentLetterSender>(host.Services.GetRequiredService<ILetterSender>());
    }

    [Fact]
    public async Task An_http_provider_without_its_url_and_key_stops_the_silo_at_start_up()
    {
        var builder = Register(Environments.Production, new()
        {
            ["Delivery:Sms:Provider"] = "Http",
            ["Delivery:Letters:Provider"] = "PrintBatch",
            ["Delivery:Letters:PrintBatch:Directory"] = Path.GetTempPath(),
        });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Delivery:Sms:Http:Url", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Delivery:Sms:Http:ApiKey", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_print_batch_without_its_folder_stops_the_silo_at_start_up()
    {
        var builder = Register(Environments.Production, new()
        {
            ["Delivery:Sms:Provider"] = "Http",
            ["Delivery:Sms:Http:Url"] = "https://sms.example.test/v1/sms",
            ["Delivery:Sms:Http:ApiKey"] = "key",
            ["Delivery:Letters:Provider"] = "printbatch",
        });
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Delivery:Letters:PrintBatch:Directory", failure.Message, StringComparison.Ordinal);
    }

    private static HostApplicationBuilder Register(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddDelivery(builder.Configuration, builder.Environment);
        return builder;
    }
}
