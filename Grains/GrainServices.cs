using Enrolment.Grains.Accounts;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Operations;
using Enrolment.Grains.PasswordResets;
using Enrolment.Grains.Passwords;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Enrolment.Grains;

public static class GrainServices
{
    /// <summary>
    /// The domain's rules and services. Adapters (member directory, SMS and letter senders) and the clock are
    /// registered by the host: the silo registers real ones, test clusters in-memory fakes.
    /// </summary>
    public static IServiceCollection AddEnrolmentDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EnrolmentOptions>()
            .Bind(configuration.GetSection(EnrolmentOptions.Section))
            .Validate(EnrolmentOptions.AreSound, "Enrolment: a limit is out of range (code length 4–9, counts and durations positive).")
            .ValidateOnStart();
        services.AddOptions<PasswordHashingOptions>()
            .Bind(configuration.GetSection(PasswordHashingOptions.Section))
            .Validate(o => o is { MemoryKib: >= 8, Passes: >= 1, Lanes: 1, HashBytes: >= 16, MaxConcurrentHashes: >= 0 } && o.MaxQueueWait >= TimeSpan.Zero, "PasswordHashing: Argon2id cost out of range (libsodium computes one lane).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ProductMetrics>();
        services.TryAddSingleton<IPasswordHasher, Argon2PasswordHasher>();
        services.AddOptions<AccountOptions>()
            .Bind(configuration.GetSection(AccountOptions.Section))
            .Validate(AccountOptions.AreSound, "Accounts: a limit is out of range (threshold and durations positive, maximum lock at least the first).")
            .ValidateOnStart();
        services.AddOptions<PasswordResetOptions>()
            .Configure<IOptions<EnrolmentOptions>, IOptions<AccountOptions>>((reset, enrolment, accounts) => reset.From(enrolment.Value, accounts.Value));
        services.TryAddSingleton<DummySecretHash>();
        services.TryAddSingleton<ResetPacing>();
        services.TryAddSingleton<DecoySecret>();
        services.TryAddSingleton<OutboxDelivery>();
        services.AddOptions<SmsCeilingOptions>()
            .Bind(configuration.GetSection(SmsCeilingOptions.Section))
            .Validate(SmsCeilingOptions.AreSound, "Delivery:Sms: MaxPerHour must not be negative, MaxPerPhone and PhoneWindow must be positive.")
            .ValidateOnStart();
        return services;
    }
}
