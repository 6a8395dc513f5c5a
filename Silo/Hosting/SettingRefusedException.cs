namespace Enrolment.Silo.Hosting;

/// <summary>
/// A setting the silo cannot start with; the message is one line that names it, printed as the silo exits with
/// <see cref="ExitCode"/>.
/// </summary>
public sealed class SettingRefusedException(string setting, string reason) : InvalidOperationException($"{setting} {reason}")
{
    /// <summary>EX_CONFIG from sysexits.h; systemd's RestartPreventExitStatus keeps a refused unit from restarting in a loop.</summary>
    public const int ExitCode = 78;

    public string Setting { get; } = setting;
}
