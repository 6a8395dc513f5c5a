using Enrolment.Gateway.Http.Keys;

namespace Enrolment.Gateway.Hosting;

/// <summary>
/// Settings a gateway must not run with outside Development. The process then exits with <see cref="ExitCode"/> and
/// one line naming the setting: what an operator reading a unit's journal needs, not a stack trace.
/// </summary>
public static class UnsafeSettings
{
    /// <summary>EX_CONFIG from sysexits.h; systemd's RestartPreventExitStatus keeps a refused unit from restarting in a loop.</summary>
    public const int ExitCode = 78;

    public const string SupportKeySetting = "Support:ApiKey";
    public const int SupportKeyMinimumLength = 32;

    /// <summary>The first unsafe setting, as one line, or null when the gateway may start.</summary>
    public static string? Refusal(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(configuration[SharedDataProtection.CertificateSetting]))
        {
            // Without it the session and antiforgery keys would be stored in the cluster in clear text.
            return $"{SharedDataProtection.CertificateSetting} is not set: outside Development the shared data-protection keys must be encrypted with a certificate.";
        }

        if (configuration[SupportKeySetting] is { Length: > 0 } key && key.Length < SupportKeyMinimumLength)
        {
            return $"{SupportKeySetting} is {key.Length} characters long: outside Development it needs at least {SupportKeyMinimumLength}.";
        }

        return null;
    }
}
