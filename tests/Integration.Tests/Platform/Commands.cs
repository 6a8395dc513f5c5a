using System.Diagnostics;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>Runs a command of the machine (git, id, kill, systemd-analyze…) to its end.</summary>
public static class Commands
{
    /// <summary>The exit code and everything it printed, standard output then standard error, trimmed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await errors).Trim());
    }
}
