using System.Text.Json;
using Enrolment.Grains.Interfaces.Operations;
using Enrolment.Grains.Operations;

namespace Enrolment.Silo.Delivery;

/// <summary>Reads back, newest first, what the development senders recorded in <c>dev_outbox</c>.</summary>
public sealed class PostgresDeliveredMessages(DevOutboxTable outbox) : IDeliveredMessages
{
    public async Task<IReadOnlyList<SentSms>> ListSmsAsync(string to, int limit, CancellationToken cancellationToken)
    {
        var rows = await outbox.ListAsync(DevOutboxTable.SmsKind, to, limit, cancellationToken);
        return [.. rows.Select(row => new SentSms(to, row.Payload, row.RecordedAt))];
    }

    public async Task<IReadOnlyList<SentLetter>> ListLettersAsync(string memberNumber, int limit, CancellationToken cancellationToken)
    {
        var rows = await outbox.ListAsync(DevOutboxTable.LetterKind, memberNumber, limit, cancellationToken);
        return [.. rows.Select(row =>
        {
            var letter = JsonSerializer.Deserialize<DevLetter>(row.Payload, DevLetter.Json)
                ?? throw new InvalidDataException("A letter in dev_outbox has an empty payload.");
            return new SentLetter(memberNumber, letter.RecipientName, letter.Address, letter.Text, row.RecordedAt);
        })];
    }
}
