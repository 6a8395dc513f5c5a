using Enrolment.Grains.Delivery;
using Enrolment.Grains.Interfaces.Vocabulary;
using Microsoft.Extensions.Logging;

namespace Enrolment.Silo.Delivery;

/// <summary>Development only: records each SMS in <c>dev_outbox</c> (recipient = the number, payload = the text).</summary>
public sealed partial class DevelopmentSmsSender(DevOutboxTable outbox, ILogger<DevelopmentSmsSender> logger) : ISmsSender
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        await outbox.RecordAsync(message.MessageId, DevOutboxTable.SmsKind, message.To, message.Text, cancellationToken);
        LogRecorded(logger, message.MessageId, FrenchMobile.MaskForLogs(message.To));
    }

    [LoggerMessage(LogLevel.Information, "SMS {MessageId} for {Recipient} recorded in the development outbox")]
    private static partial void LogRecorded(ILogger logger, Guid messageId, string recipient);
}
