using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>
/// A clean clone of the checkout's HEAD in a new temporary folder, with ports and a PostgreSQL service user name of its
/// own, as a machine that never ran the product would have. Disposing it stops whatever it started and removes the
/// clone, the database folder (possibly outside the clone) and the service user.
/// </summary>
public sealed class FreshCheckout : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    private FreshCheckout(string folder)
    {
        Folder = folder;
        ServiceUser = $"enr-fresh-{Guid.NewGuid().ToString("N")[..8]}";
        Gateway = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        DatabasePort = LoopbackPorts.Free();
        SiloPort = LoopbackPorts.Free();
        SiloGatewayPort = LoopbackPorts.Free();
        ManagementPort = LoopbackPorts.Free();
    }

    public static bool RunningAsRoot => Environment.UserName == "root";

    public string Folder { get; }

    /// <summary>A name no earlier run has used, so <c>./run.sh</c> must create the user itself.</summary>
    public string ServiceUser { get; }

    public Uri Gateway { get; }

    public int DatabasePort { get; }

    public int SiloPort { get; }

    public int SiloGatewayPort { get; }

    /// <summary>The silo's /metrics and dashboard; the gateway's /metrics is 100 above (./run.sh's layout).</summary>
    public int ManagementPort { get; }

    public IEnumerable<int> Ports => [Gateway.Port, DatabasePort, SiloPort, SiloGatewayPort, ManagementPort, ManagementPort + 100];

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<FreshCheckout> CloneAsync(string repository)
    {
        var checkout = new FreshCheckout(Directory.CreateTempSubdirectory("enrolment-fresh-").FullName);
        var clone = await Commands.RunAsync("git", "clone", "--quiet", repository, checkout.Folder);
        Assert.True(clone.ExitCode == 0, $"git clone failed: {clone.Output}");
        return checkout;
    }

    /// <summary>
    /// <c>./run.sh</c> in a process group of its own (setsid), so that <see cref="PressCtrlC"/> reaches it and its
    /// children as a terminal's Ctrl-C does.
    /// </summary>
    public Process StartRunSh()
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "./run.sh", "--members", "2000" })
        {
            start.ArgumentList.Add(argument);
        }

        // The suite's own database and settings must not leak in: this run finds and starts its own.
        foreach (var name in start.Environment.Keys.Where(IsProductSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ENROLMENT_PG_USER"] = ServiceUser;
        start.Environment["ENROLMENT_HTTP_PORT"] = Text(Gateway.Port);
        start.Environment["ENROLMENT_DB_PORT"] = Text(DatabasePort);
        start.Environment["ENROLMENT_SILO_PORT"] = Text(SiloPort);
        start.Environment["ENROLMENT_GATEWAY_PORT"] = Text(SiloGatewayPort);
        start.Environment["ENROLMENT_MANAGEMENT_PORT"] = Text(ManagementPort);
        var process = Process.Start(start) ?? throw new InvalidOperationException("./run.sh did not start.");
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGINT to the whole process group, as a terminal sends on Ctrl-C.</summary>
    public static void PressCtrlC(Process run) => Process.Start("kill", ["-INT", "--", $"-{run.Id}"])!.WaitForExit();

    /// <summary>
    /// Processes still running from the clone (silo, gateway) or as the service user (PostgreSQL). Zombies are not
    /// running: an orphan waits there until the machine's init reaps it, which a container's may never do.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProcessesLeftAsync()
    {
        var user = await Commands.RunAsync("id", "-u", ServiceUser);
        var serviceUid = user.ExitCode == 0 ? user.Output : null;
        var left = new List<string>();
        foreach (var proc in Directory.EnumerateDirectories("/proc").Where(p => int.TryParse(Path.GetFileName(p), out _)))
        {
            var status = Status(proc);
            if (status is null || status.Value.State == "Z")
            {
                continue;
            }

            var workingFolder = LinkTarget(Path.Combine(proc, "cwd"));
            if ((workingFolder is not null && workingFolder.StartsWith(Folder, StringComparison.Ordinal)) || status.Value.Uid == serviceUid)
            {
                left.Add($"{Path.GetFileName(proc)} (uid {status.Value.Uid}, in {workingFolder}): {CommandLine(proc)}");
            }
        }

        return left;
    }

    public static async Task<bool> UserExistsAsync(string user) => (await Commands.RunAsync("id", "-u", user)).ExitCode == 0;

    public static bool PortIsFree(int port) => LoopbackPorts.IsFree(port);

    public async ValueTask DisposeAsync()
    {
        foreach (var proc in await ProcessesLeftAsync())
        {
            await Commands.RunAsync("kill", "-KILL", proc.Split(' ')[0]);
        }

        var databaseLink = Path.Combine(Folder, ".data", "postgres");
        var databaseFolder = LinkTarget(databaseLink);
        if (databaseFolder is not null && !databaseFolder.StartsWith(Folder, StringComparison.Ordinal))
        {
            Directory.Delete(databaseFolder, recursive: true);
        }

        Directory.Delete(Folder, recursive: true);
        if (await UserExistsAsync(ServiceUser))
        {
            await Commands.RunAsync("userdel", ServiceUser);
        }
    }

    private static bool IsProductSetting(string name) =>
        name.StartsWith("ENROLMENT_", StringComparison.Ordinal) || name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || name.StartsWith("Orleans__", StringComparison.Ordinal) || name is "DOTNET_ENVIRONMENT" or "ASPNETCORE_ENVIRONMENT";

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The process's state letter (R, S, Z…) and real user id, or null when it has just ended.</summary>
    private static (string State, string Uid)? Status(string proc)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(proc, "status"));
            string Field(string name) => lines.First(l => l.StartsWith(name, StringComparison.Ordinal))[name.Length..].Trim();
            return (Field("State:")[..1], Field("Uid:").Split('\t')[0]);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(string proc)
    {
        try
        {
            return File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "?";
        }
    }


    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
