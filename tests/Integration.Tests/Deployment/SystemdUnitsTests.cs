using Enrolment.Integration.Tests.LoadTest;
using Enrolment.Integration.Tests.Platform;

namespace Enrolment.Integration.Tests.Deployment;

/// <summary>The production units in deploy/systemd pass systemd's own check: no unknown key, no bad value, a runnable command.</summary>
public sealed class SystemdUnitsTests
{
    private const string Analyzer = "/usr/bin/systemd-analyze";

    [Theory]
    [InlineData("enrolment-silo.service")]
    [InlineData("enrolment-gateway.service")]
    public async Task The_unit_passes_systemd_analyze_verify(string unit)
    {
        Assert.True(File.Exists(Analyzer), $"{Analyzer} is missing: ./test.sh installs Debian's systemd package for this check.");
        var folder = Directory.CreateTempSubdirectory("enrolment-units-");
        try
        {
            // verify also checks that ExecStart's program exists: name the dotnet this machine has, wherever it lives.
            var text = await File.ReadAllTextAsync(Path.Combine(BuiltProgram.RepositoryRoot, "deploy", "systemd", unit));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, unit), text.Replace("/usr/bin/dotnet", DotnetOnPath(), StringComparison.Ordinal));

            var (exitCode, output) = await Commands.RunAsync(Analyzer, "verify", Path.Combine(folder.FullName, unit));

            Assert.True(exitCode == 0 && output.Length == 0, $"systemd-analyze verify {unit} exited {exitCode}:\n{output}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string DotnetOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, "dotnet"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("dotnet is not on PATH.");

}
