using System.Text.Json;
using Enrolment.Grains.Delivery;
using Microsoft.Extensions.Logging;

namespace Enrolment.Silo.Delivery;

/// <summary>
/// Development only: records each letter in <c>dev_outbox</c> (recipient = the member number, payload = a
/// <see cref="DevLetter"/> as JSON) with the very text the print house would print.
/// </summary>
public sealed partial class DevelopmentLetterSender(DevOutboxTable outbox, ILogger<DevelopmentLetterSender> logger) : ILetterSender
{
    public async Task SendAsync(LetterMessage letter, CancellationToken cancellationToken)
    {
        var payload = new DevLetter(letter.RecipientName, letter.Address.ToString(), LetterText.Compose(letter));
        await outbox.RecordAsync(
            letter.MessageId, DevOutboxTable.LetterKind, letter.MemberNumber, JsonSerializer.Serialize(payload, DevLetter.Json), cancellationToken);
        LogRecorded(logger, letter.MessageId);
    }

    [LoggerMessage(LogLevel.Information, "Letter {MessageId} recorded in the development outbox")]
    private static partial void LogRecorded(ILogger logger, Guid messageId);
}

/// <summary>A letter as the development outbox keeps it.</summary>
public sealed record DevLetter(string RecipientName, string Address, string Text)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
