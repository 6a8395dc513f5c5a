using Enrolment.Grains.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// Adds each letter to the day's print batch file (<c>letters-YYYY-MM-DD.jsonl</c>, the day in the print house's
/// time zone), once per message id even when the outbox delivers it twice. Returns only once the line is on disk.
/// </summary>
public sealed partial class PrintBatchLetterSender : ILetterSender, IDisposable
{
    private readonly string directory;
    private readonly TimeZoneInfo timeZone;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<PrintBatchLetterSender> logger;
    private readonly PrintBatchFile batch;

    public PrintBatchLetterSender(IOptions<PrintBatchOptions> options, TimeProvider timeProvider, ILogger<PrintBatchLetterSender> logger)
    {
        var settings = options.Value;
        directory = settings.Directory ?? throw new InvalidOperationException($"{PrintBatchOptions.SectionName}:Directory is not set.");
        timeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        batch = new PrintBatchFile(settings.LockWait);
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>The file name of a day's batch.</summary>
    public static string FileNameOf(DateOnly day) => $"letters-{day:yyyy-MM-dd}.jsonl";

    public async Task SendAsync(LetterMessage letter, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), timeZone).DateTime);
        var file = FileNameOf(today);

        // A letter re-delivered just after midnight may already sit in yesterday's batch.
        var written = await batch.AppendOnceAsync(
            Path.Combine(directory, file),
            Path.Combine(directory, FileNameOf(today.AddDays(-1))),
            PrintBatchRecord.From(letter),
            cancellationToken);

        if (written)
        {
            LogAdded(logger, letter.MessageId, file);
        }
        else
        {
            LogAlreadyThere(logger, letter.MessageId);
        }
    }

    public void Dispose() => batch.Dispose();

    [LoggerMessage(LogLevel.Information, "Letter {MessageId} added to print batch {File}")]
    private static partial void LogAdded(ILogger logger, Guid messageId, string file);

    [LoggerMessage(LogLevel.Information, "Letter {MessageId} was already in the print batch; delivery repeated, nothing added")]
    private static partial void LogAlreadyThere(ILogger logger, Guid messageId);
}
