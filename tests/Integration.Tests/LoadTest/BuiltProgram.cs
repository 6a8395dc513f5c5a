using System.Diagnostics;

namespace Enrolment.Integration.Tests.LoadTest;

/// <summary>
/// One of the product's programs (silo, gateway) as built next to these tests, started as its own process in its own
/// output folder, so that it runs exactly as an operator runs it. Its last lines of output are kept for failure messages.
/// </summary>
public sealed class BuiltProgram : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Action<string>? _onLine;

    private BuiltProgram(Process process, Action<string>? onLine)
    {
        _process = process;
        _onLine = onLine;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string LastLines
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    /// <summary>Starts <c>{project}/bin/{configuration}/net10.0/Enrolment.{project}.dll</c> with these arguments and variables.</summary>
    public static BuiltProgram Start(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Start(project, environment, onLine: null, arguments);

    /// <summary>As <see cref="Start(string, IReadOnlyDictionary{string, string}, string[])"/>, handing every line of output to <paramref name="onLine"/>.</summary>
    public static BuiltProgram Start(
        string project, IReadOnlyDictionary<string, string> environment, Action<string>? onLine, params string[] arguments) =>
        Launch(networkNamespace: null, project, environment, onLine, arguments);

    /// <summary>
    /// As <see cref="Start(string, IReadOnlyDictionary{string, string}, Action{string}?, string[])"/>, inside a Linux
    /// network namespace (<c>ip netns exec</c>, which becomes the program itself: killing it kills the program).
    /// </summary>
    public static BuiltProgram StartIn(
        string networkNamespace, string project, IReadOnlyDictionary<string, string> environment, Action<string>? onLine, params string[] arguments) =>
        Launch(networkNamespace, project, environment, onLine, arguments);

    private static BuiltProgram Launch(
        string? networkNamespace, string project, IReadOnlyDictionary<string, string> environment, Action<string>? onLine, string[] arguments)
    {
        var folder = OutputFolderOf(project);
        var start = new ProcessStartInfo(networkNamespace is null ? "dotnet" : "ip")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (networkNamespace is not null)
        {
            foreach (var argument in new[] { "netns", "exec", networkNamespace, "dotnet" })
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(Path.Combine(folder, $"Enrolment.{project}.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new BuiltProgram(Process.Start(start) ?? throw new InvalidOperationException($"{project} did not start."), onLine);
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>Stops the program at once (SIGKILL), as a crash would: no goodbye to anyone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>The folder of Enrolment.Orleans.sln, above these tests.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Enrolment.Orleans.sln")))
            {
                root = root.Parent;
            }

            return root?.FullName ?? throw new InvalidOperationException("Enrolment.Orleans.sln not found above the tests.");
        }
    }

    /// <summary>The project's own output folder, built in the same configuration as these tests.</summary>
    private static string OutputFolderOf(string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var folder = Path.Combine(RepositoryRoot, project, "bin", configuration, testOutput.Name);
        return File.Exists(Path.Combine(folder, $"Enrolment.{project}.dll"))
            ? folder
            : throw new InvalidOperationException($"{project} is not built in {folder}: build the solution first.");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _onLine?.Invoke(line);
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
