namespace Enrolment.Silo.Hosting;

/// <summary>A setting the silo cannot start with; the message is one line that names it, printed as the silo exits.</summary>
public sealed class SettingRefusedException(string setting, string reason) : Exception($"{setting} {reason}")
{
    public string Setting { get; } = setting;
}
