namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// The reset's outbox, kept and delivered like the enrolment's (<see cref="Delivery.Outbox"/>,
/// <see cref="WorkTimer"/>): stored in the same write as the code it carries, tried right after the answer, then
/// retried by the grain's timer until sent or given up.
/// </summary>
public sealed partial class PasswordResetGrain
{
    private WorkTimer? _work;

    private Outbox Outbox => new(State.Outbox);

    private protected override WorkTimer Work => _work ??= new WorkTimer(
        this,
        time,
        logger,
        (now, cancellationToken) => delivery.DeliverDueAsync(Outbox, _ => true, MemberNumber, (kind, detail) => Audit(kind, detail), now, cancellationToken),
        _ => Outbox.NextDue(_ => true),
        () => Outbox.HasPending,
        () =>
        {
            delivery.Trim(State.Outbox);
            return reset.WriteStateAsync(CancellationToken.None);
        });

    private void QueueSms(string phone, string code, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Outbox.Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Sms,
            Phone = phone,
            Secret = _options.Codes.SmsText("Votre code pour changer le mot de passe de votre espace personnel", code),
            CodeExpiresAt = expiresAt,
        }, State.ResetId, now);

    private void QueueLetter(MemberRecord member, string provisionalCode, DateTimeOffset expiresAt, DateTimeOffset now) =>
        Outbox.Enqueue(new OutboxEntry
        {
            Channel = DeliveryChannel.Letter,
            Secret = provisionalCode,
            RecipientName = member.FullName,
            Address = member.Address,
            CodeExpiresAt = expiresAt,
        }, State.ResetId, now);

    /// <summary>A new request or a void one makes its code useless: an SMS not yet sent is not sent at all.</summary>
    private void CancelQueuedSms()
    {
        foreach (var entry in Outbox.CancelQueuedSms())
        {
            Audit(AuditKinds.SmsCancelled, $"message={entry.MessageId}");
        }
    }
}
