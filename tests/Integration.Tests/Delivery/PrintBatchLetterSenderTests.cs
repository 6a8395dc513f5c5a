using Enrolment.Grains.Delivery;
using Enrolment.Silo.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enrolment.Integration.Tests.Delivery;

public sealed class PrintBatchLetterSenderTests : IDisposable
{
    // 26 November 2026, 10:00 in Paris.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly string directory = Directory.CreateTempSubdirectory("print-batch-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task A_letter_joins_the_days_batch_as_one_line_with_its_text()
    {
        using var sender = NewSender();
        var letter = Letters.ForMarieHelene(clock.GetUtcNow());

        await sender.SendAsync(letter, CancellationToken.None);

        var record = Assert.Single(ReadBatch("letters-2026-11-26.jsonl"));
        Assert.Equal(letter.MessageId, record.MessageId);
        Assert.Equal("2345678901", record.MemberNumber);
        Assert.Equal("MARIE-HÉLÈNE D'ARCY", record.RecipientName);
        Assert.Equal(("3 PLACE DU MARCHÉ", "69002", "LYON"), (record.Street, record.PostalCode, record.City));
        Assert.Equal(letter.ExpiresAt, record.ExpiresAt);
        Assert.Equal(LetterText.Compose(letter), record.Text);
    }

    [Fact]
    public async Task A_letter_delivered_twice_is_printed_once()
    {
        using var sender = NewSender();
        var letter = Letters.ForMarieHelene(clock.GetUtcNow());

        await sender.SendAsync(letter, CancellationToken.None);
        await sender.SendAsync(letter, CancellationToken.None);

        Assert.Single(ReadBatch("letters-2026-11-26.jsonl"));
    }

    [Fact]
    public async Task The_batch_day_is_the_print_houses_day_not_UTCs()
    {
        using var sender = NewSender();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 27th in Paris

        await sender.SendAsync(Letters.ForMarieHelene(clock.GetUtcNow()), CancellationToken.None);

        Assert.Single(ReadBatch("letters-2026-11-27.jsonl"));
        Assert.False(File.Exists(Path.Combine(directory, "letters-2026-11-26.jsonl")));
    }

    [Fact]
    public async Task Each_day_has_its_own_file_and_a_repeat_after_midnight_is_not_printed_again()
    {
        using var sender = NewSender();
        var yesterdays = Letters.ForMarieHelene(clock.GetUtcNow());
        await sender.SendAsync(yesterdays, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(1));
        var todays = Letters.ForMarieHelene(clock.GetUtcNow());
        await sender.SendAsync(yesterdays, CancellationToken.None);
        await sender.SendAsync(todays, CancellationToken.None);

        Assert.Equal([yesterdays.MessageId], ReadBatch("letters-2026-11-26.jsonl").Select(r => r.MessageId));
        Assert.Equal([todays.MessageId], ReadBatch("letters-2026-11-27.jsonl").Select(r => r.MessageId));
    }

    [Fact]
    public async Task Several_silos_writing_the_same_batch_at_once_leave_whole_lines_and_no_duplicate()
    {
        // Two senders with their own state contend for the file's lock exactly as two silo processes do.
        using var first = NewSender();
        using var second = NewSender();
        var letters = Enumerable.Range(0, 120).Select(_ => Letters.ForMarieHelene(clock.GetUtcNow())).ToList();

        // Every letter is delivered by both silos, as after a crash between writing and acknowledging.
        await Task.WhenAll(letters.SelectMany(letter => new[]
        {
            Task.Run(() => first.SendAsync(letter, CancellationToken.None)),
            Task.Run(() => second.SendAsync(letter, CancellationToken.None)),
        }));

        var lines = ReadBatch("letters-2026-11-26.jsonl");
        Assert.Equal(letters.Select(l => l.MessageId).Order(), lines.Select(r => r.MessageId).Order());
    }

    [Fact]
    public async Task A_line_torn_by_a_crash_does_not_swallow_the_next_letter()
    {
        var path = Path.Combine(directory, "letters-2026-11-26.jsonl");
        await File.WriteAllTextAsync(path, "{\"messageId\":\"8d6f");
        using var sender = NewSender();
        var letter = Letters.ForMarieHelene(clock.GetUtcNow());

        await sender.SendAsync(letter, CancellationToken.None);

        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);
        Assert.Equal(letter.MessageId, PrintBatchRecord.TryParse(lines[1])?.MessageId);
    }

    [Fact]
    public async Task A_letter_already_in_a_batch_written_by_another_process_is_not_added()
    {
        var letter = Letters.ForMarieHelene(clock.GetUtcNow());
        using (var otherSilo = NewSender())
        {
            await otherSilo.SendAsync(letter, CancellationToken.None);
        }

        using var sender = NewSender();
        await sender.SendAsync(letter, CancellationToken.None);

        Assert.Single(ReadBatch("letters-2026-11-26.jsonl"));
    }

    private PrintBatchLetterSender NewSender() => new(
        Options.Create(new PrintBatchOptions { Directory = directory }),
        clock,
        NullLogger<PrintBatchLetterSender>.Instance);

    private List<PrintBatchRecord> ReadBatch(string fileName) =>
        File.ReadAllLines(Path.Combine(directory, fileName))
            .Select(line => PrintBatchRecord.TryParse(line) ?? throw new InvalidDataException($"Not a whole record: {line}"))
            .ToList();
}
