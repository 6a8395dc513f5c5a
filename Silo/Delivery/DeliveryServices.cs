using Enrolment.Grains.Delivery;
using Enrolment.Grains.Operations;
using Enrolment.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// Chooses how SMS and letters leave the silo: <c>Delivery:Sms:Provider</c> (<c>Development</c> | <c>Http</c>) and
/// <c>Delivery:Letters:Provider</c> (<c>Development</c> | <c>PrintBatch</c>). Only the Development environment
/// falls back to the development senders; elsewhere a missing choice stops the silo at start-up.
/// </summary>
public static class DeliveryServices
{
    public const string SmsProviderKey = "Delivery:Sms:Provider";
    public const string LettersProviderKey = "Delivery:Letters:Provider";
    public const string SmsResilienceSection = "Delivery:Sms:Http:Resilience";

    public const string Development = nameof(Development);
    public const string Http = nameof(Http);
    public const string PrintBatch = nameof(PrintBatch);

    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var smsProvider = ChosenProvider(configuration, SmsProviderKey, environment, Development, Http);
        var lettersProvider = ChosenProvider(configuration, LettersProviderKey, environment, Development, PrintBatch);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DevOutboxTable>();

        // Read by the dev outbox grain, whose routes exist only in Development; registered everywhere so that
        // the grain type never fails to activate.
        services.TryAddSingleton<IDeliveredMessages, PostgresDeliveredMessages>();

        if (smsProvider == Http)
        {
            services.AddHttpSmsSender(configuration);
        }
        else
        {
            services.AddSingleton<ISmsSender, DevelopmentSmsSender>();
        }

        if (lettersProvider == PrintBatch)
        {
            services.AddOptions<PrintBatchOptions>()
                .Bind(configuration.GetSection(PrintBatchOptions.SectionName))
                .Validate(o => !string.IsNullOrWhiteSpace(o.Directory), $"{PrintBatchOptions.SectionName}:Directory must name the print batch folder.")
                .ValidateOnStart();
            services.AddSingleton<ILetterSender, PrintBatchLetterSender>();
        }
        else
        {
            services.AddSingleton<ILetterSender, DevelopmentLetterSender>();
        }

        return services;
    }

    private static void AddHttpSmsSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpSmsOptions>()
            .Bind(configuration.GetSection(HttpSmsOptions.SectionName))
            .Validate(o => o.Url is { IsAbsoluteUri: true }, $"{HttpSmsOptions.SectionName}:Url must be the provider's absolute URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKeyHeader), $"{HttpSmsOptions.SectionName}:ApiKeyHeader must name a header.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), $"{HttpSmsOptions.SectionName}:ApiKey must be set.")
            .ValidateOnStart();

        // The resilience pipeline owns timeouts; HttpClient's own 100 s timeout would only get in its way.
        // The factory's default request logging is removed: its structured state carries raw header values,
        // the API key among them. The sender and the resilience pipeline log each attempt's outcome instead.
        var resilience = services.AddHttpClient(HttpSmsSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(SmsDefaults);
        var configuredResilience = configuration.GetSection(SmsResilienceSection);
        if (configuredResilience.Exists())
        {
            resilience.Configure(configuredResilience);
        }

        services.AddSingleton<ISmsSender, HttpSmsSender>();
    }

    /// <summary>
    /// A code is valid 5 minutes: a few quick tries now, then the outbox's own retries later.
    /// POST is retried on purpose: the Idempotency-Key header makes it safe.
    /// </summary>
    private static void SmsDefaults(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(5);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(20);
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(500);
    }

    private static string ChosenProvider(IConfiguration configuration, string key, IHostEnvironment environment, params string[] choices)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return environment.IsDevelopment()
                ? Development
                : throw new SettingRefusedException(key, $"is not set. Outside the Development environment choose a provider explicitly: {string.Join(" or ", choices)}.");
        }

        var chosen = choices.FirstOrDefault(choice => string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new SettingRefusedException(key, $"is '{value}', which is not a provider: choose {string.Join(" or ", choices)}.");
        if (chosen == Development && !environment.IsDevelopment())
        {
            // The development senders only write to a table: members would wait for messages that never leave.
            throw new SettingRefusedException(key, $"is {Development}, which sends nothing: outside the Development environment choose {string.Join(" or ", choices[1..])}.");
        }

        return chosen;
    }
}
