using System.Text;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// Appends letters to batch files shared by every silo on the machine. Each append holds the file's exclusive
/// lock (FileShare.None, an flock on Linux) so that lines never interleave, reads what other processes added
/// since its last visit, and skips a message id the file already holds.
/// </summary>
internal sealed class PrintBatchFile(TimeSpan lockWait) : IDisposable
{
    private static readonly UnixFileMode OwnerAndGroupRead =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    // Ids already in each file, and how far this process has read it: a visit reads only what is new.
    private readonly Dictionary<string, KnownLines> known = [];
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Appends the record unless <paramref name="path"/> or <paramref name="earlierPath"/> already holds its id.</summary>
    /// <returns>True when the record was written, false when it was already there.</returns>
    public async Task<bool> AppendOnceAsync(string path, string earlierPath, PrintBatchRecord record, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            ForgetAllBut(path, earlierPath);
            if (File.Exists(earlierPath))
            {
                using var earlier = await OpenLockedAsync(earlierPath, FileMode.Open, cancellationToken);
                if (CatchUp(earlierPath, earlier).Contains(record.MessageId))
                {
                    return false;
                }
            }

            using var stream = await OpenLockedAsync(path, FileMode.OpenOrCreate, cancellationToken);
            var ids = CatchUp(path, stream);
            if (ids.Contains(record.MessageId))
            {
                return false;
            }

            StartOnFreshLine(stream);
            stream.Write(record.ToLine());
            stream.Flush(flushToDisk: true);
            ids.Add(record.MessageId);
            known[path].Length = stream.Length;
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>Batches of older days are never appended to again: their ids need not stay in memory.</summary>
    private void ForgetAllBut(string path, string earlierPath)
    {
        foreach (var stale in known.Keys.Where(file => file != path && file != earlierPath).ToList())
        {
            known.Remove(stale);
        }
    }

    private async Task<FileStream> OpenLockedAsync(string path, FileMode mode, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
        };
        if (mode != FileMode.Open && !OperatingSystem.IsWindows())
        {
            // The file holds provisional codes: the print house's transfer account reads it through the group.
            options.UnixCreateMode = OwnerAndGroupRead;
        }

        var deadline = DateTime.UtcNow + lockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, options);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
            {
                // Another silo holds the file for its own append, which takes milliseconds.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25)), cancellationToken);
            }
        }
    }

    private HashSet<Guid> CatchUp(string path, FileStream stream)
    {
        if (!known.TryGetValue(path, out var lines) || stream.Length < lines.Length)
        {
            // First visit, or the file was truncated or replaced: read it from the start.
            lines = new KnownLines();
            known[path] = lines;
        }

        stream.Position = lines.Length;
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
            {
                if (PrintBatchRecord.TryParse(line) is { } record)
                {
                    lines.Ids.Add(record.MessageId);
                }
            }
        }

        lines.Length = stream.Length;
        return lines.Ids;
    }

    /// <summary>A crash in the middle of a write leaves a line without its end; the next record must not join it.</summary>
    private static void StartOnFreshLine(FileStream stream)
    {
        stream.Seek(0, SeekOrigin.End);
        if (stream.Length == 0)
        {
            return;
        }

        stream.Seek(-1, SeekOrigin.End);
        var last = stream.ReadByte();
        stream.Seek(0, SeekOrigin.End);
        if (last != '\n')
        {
            stream.WriteByte((byte)'\n');
        }
    }

    private sealed class KnownLines
    {
        public long Length { get; set; }

        public HashSet<Guid> Ids { get; } = [];
    }
}
