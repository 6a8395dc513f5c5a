using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;
using Enrolment.Integration.Tests.Reliability;

namespace Enrolment.Integration.Tests.Hosting;

/// <summary>
/// Outside Development the silo and the gateway refuse to start with settings that would put members at risk or
/// leave them waiting: each exits with code 78 and one line naming the setting. Safe settings start.
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed class UnsafeProductionSettingsTests : IDisposable
{
    private const string SafeSupportKey = "a-support-key-of-forty-characters-long!!";
    private readonly TestCertificate _certificate = new();

    [Theory]
    [InlineData("DataProtection__CertificatePath", "", "DataProtection:CertificatePath")]
    [InlineData("Support__ApiKey", "short-key", "Support:ApiKey")]
    public async Task A_gateway_with_an_unsafe_setting_exits_with_one_line_naming_it(string variable, string value, string setting)
    {
        var settings = SafeGateway();
        settings[variable] = value;

        var lines = await ExitLinesAsync("Gateway", settings, "--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}");

        var line = Assert.Single(lines, l => l.Contains(setting, StringComparison.Ordinal));
        Assert.StartsWith("The gateway cannot start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("short-key", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delivery__Sms__Provider", "Delivery:Sms:Provider")]
    [InlineData("Delivery__Letters__Provider", "Delivery:Letters:Provider")]
    public async Task A_silo_with_a_development_sender_exits_with_one_line_naming_it(string variable, string setting)
    {
        var settings = SafeSilo();
        settings[variable] = "Development";

        var lines = await ExitLinesAsync("Silo", settings);

        var line = Assert.Single(lines, l => l.Contains(setting, StringComparison.Ordinal));
        Assert.StartsWith("The silo cannot start: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_and_a_gateway_with_safe_production_settings_start_and_are_ready()
    {
        // Both read the same variables; each takes its own. Ready means the gateway reached the silo's grains.
        var settings = SafeSilo();
        foreach (var (name, value) in SafeGateway())
        {
            settings[name] = value;
        }

        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        await using var stack = await RunningStack.StartAsync(new StackShape { Members = 100, Settings = settings });
        using var http = new HttpClient { BaseAddress = stack.Gateway, Timeout = TimeSpan.FromSeconds(10) };

        using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }

    public void Dispose() => _certificate.Dispose();

    private Dictionary<string, string> SafeGateway() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Enrolment"] = TestDatabase.ConnectionString,
        ["DataProtection__CertificatePath"] = _certificate.FilePath,
        ["DataProtection__CertificatePassword"] = TestCertificate.Password,
        ["Support__ApiKey"] = SafeSupportKey,
    };

    private static Dictionary<string, string> SafeSilo() => new()
    {
        ["DOTNET_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Enrolment"] = TestDatabase.ConnectionString,
        ["Delivery__Sms__Provider"] = "Http",
        ["Delivery__Sms__Http__Url"] = "https://sms.example.test/v1/sms",
        ["Delivery__Sms__Http__ApiKey"] = "key",
        ["Delivery__Letters__Provider"] = "PrintBatch",
        ["Delivery__Letters__PrintBatch__Directory"] = Path.GetTempPath(),
    };

    /// <summary>Starts the program, waits for it to exit with the refusal code, and returns what it printed.</summary>
    private static async Task<IReadOnlyList<string>> ExitLinesAsync(string project, Dictionary<string, string> settings, params string[] arguments)
    {
        var lines = new List<string>();
        using var program = BuiltProgram.Start(project, settings, line => { lock (lines) { lines.Add(line); } }, arguments);

        var exitCode = await program.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 78, $"{project} exited with {exitCode}:\n{program.LastLines}");
        lock (lines)
        {
            Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal));
            return [.. lines];
        }
    }
}
