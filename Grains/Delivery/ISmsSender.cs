namespace Enrolment.Grains.Delivery;

/// <summary>
/// Hands one SMS to the provider. Delivery is at least once: the same <see cref="SmsMessage.MessageId"/>
/// may arrive twice after a crash, and an implementation that can deduplicate on it should.
/// Throws when the provider refused or could not be reached; the outbox retries.
/// </summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>An SMS: nothing but a code and a short text.</summary>
public sealed record SmsMessage(Guid MessageId, string To, string Text);
