using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Enrolment.Grains.Passwords;

/// <summary>
/// The threads that compute hashes: a few of their own, at a lower OS priority (nice 10 on Linux). A hash takes a
/// core for tens of milliseconds; at normal priority the journey steps that do not hash wait behind it for a core
/// (docs/benchmarks.md: their p99 fell fourfold with fewer hashes at once). Lowered, hashing still takes every idle
/// cycle, but request work on the same cores goes first.
/// </summary>
internal sealed partial class HashingThreads : IDisposable
{
    /// <summary>Linux nice value: well below request threads (0), yet not starved while cores are idle.</summary>
    private const int Nice = 10;

    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>();

    public HashingThreads(int count)
    {
        for (var i = 0; i < count; i++)
        {
            new Thread(Work) { IsBackground = true, Name = $"argon2id-{i}" }.Start();
        }
    }

    /// <summary>Runs <paramref name="compute"/> on a hashing thread, unless its caller has gone by then.</summary>
    public Task<T> RunAsync<T>(Func<T> compute, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queued = _work.Writer.TryWrite(() =>
        {
            if (cancellationToken.IsCancellationRequested)
            {
                result.SetCanceled(cancellationToken);
                return;
            }

            try
            {
                result.SetResult(compute());
            }
            catch (Exception exception)
            {
                result.SetException(exception);
            }
        });
        if (!queued)
        {
            result.SetException(new ObjectDisposedException(nameof(HashingThreads)));
        }

        return result.Task;
    }

    /// <summary>The threads finish what is queued, then end.</summary>
    public void Dispose() => _work.Writer.TryComplete();

    private void Work()
    {
        LowerThisThreadsPriority();
        var reader = _work.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                item();
            }
        }
    }

    /// <summary>Linux applies <c>setpriority(PRIO_PROCESS, tid)</c> to one thread. Elsewhere, or if refused, hashing runs at normal priority.</summary>
    private static void LowerThisThreadsPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = SetPriority(0, GetThreadId(), Nice);
        }
        catch (EntryPointNotFoundException)
        {
            // A C library without gettid: normal priority.
        }
        catch (DllNotFoundException)
        {
            // No C library by that name: normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetThreadId();
}
