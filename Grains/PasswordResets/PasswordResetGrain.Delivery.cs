using Enrolment.Grains.Delivery;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// The reset's outbox: a message is written in the same state write as the code it carries, then handed to the
/// sender, retried with growing waits until it goes or is given up. At least once: the message id lets the
/// sender drop a duplicate.
/// </summary>
public sealed partial class PasswordResetGrain
{
    private IGrainTimer? _retryTimer;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a crash the pending messages are still in storage: pick them up again.
        if (State.Outbox.Any(entry => entry.IsPending))
        {
            ScheduleRetry(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    private void QueueSms(string phone, string code, DateTimeOffset expiresAt, DateTimeOffset now) =>
        State.Outbox.Add(new OutboxEntry
        {
            MessageId = Guid.NewGuid(),
            JourneyId = State.ResetId,
            Channel = DeliveryChannel.Sms,
            Phone = phone,
            Secret = $"AUDIENS : votre code pour changer de mot de passe est {code}. Il est valable 5 minutes.",
            CodeExpiresAt = expiresAt,
            CreatedAt = now,
            NextAttemptAt = now,
        });

    private void QueueLetter(MemberRecord member, string provisionalCode, DateTimeOffset expiresAt, DateTimeOffset now) =>
        State.Outbox.Add(new OutboxEntry
        {
            MessageId = Guid.NewGuid(),
            JourneyId = State.ResetId,
            Channel = DeliveryChannel.Letter,
            Secret = provisionalCode,
            RecipientName = member.FullName,
            Address = member.Address,
            CodeExpiresAt = expiresAt,
            CreatedAt = now,
            NextAttemptAt = now,
        });

    /// <summary>A new request voids the previous code: a message not yet sent is not sent at all.</summary>
    private void CancelPendingDelivery()
    {
        foreach (var entry in State.Outbox.Where(entry => entry.IsPending))
        {
            entry.Status = DeliveryStatus.Cancelled;
            entry.Secret = null;
        }

        // Only what is still useful to support stays: the last few messages.
        State.Outbox.RemoveAll(entry => !entry.IsPending && entry.CreatedAt < time.GetUtcNow() - _codes.CodesPerMemberWindow);
    }

    private async Task DeliverDue()
    {
        var now = time.GetUtcNow();
        var changed = false;
        foreach (var entry in State.Outbox.Where(entry => entry.IsPending && entry.NextAttemptAt <= now).ToList())
        {
            changed = true;
            await TryDeliver(entry, now);
        }

        if (changed)
        {
            await reset.WriteStateAsync();
        }

        var next = State.Outbox.Where(entry => entry.IsPending).Select(entry => (DateTimeOffset?)entry.NextAttemptAt).Min();
        if (next is { } due)
        {
            ScheduleRetry(due > now ? due - now : TimeSpan.Zero);
        }
        else
        {
            _retryTimer?.Dispose();
            _retryTimer = null;
        }
    }

    private async Task TryDeliver(OutboxEntry entry, DateTimeOffset now)
    {
        entry.Attempts++;
        try
        {
            if (entry.Channel == DeliveryChannel.Sms)
            {
                await ServiceProvider.GetRequiredService<ISmsSender>().SendAsync(new SmsMessage(entry.MessageId, entry.Phone!, entry.Secret!), CancellationToken.None);
            }
            else
            {
                var letter = new LetterMessage(entry.MessageId, MemberNumber, entry.RecipientName!, entry.Address!, entry.Secret!, entry.CreatedAt, entry.CodeExpiresAt!.Value);
                await ServiceProvider.GetRequiredService<ILetterSender>().SendAsync(letter, CancellationToken.None);
            }

            entry.Status = DeliveryStatus.Sent;
            entry.SentAt = now;
            entry.Secret = null;
            Audit(now, "reset-message-sent", entry.Channel == DeliveryChannel.Sms ? "sms" : "letter");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var giveUp = entry.Attempts >= _codes.DeliveryAttempts;
            entry.Status = giveUp ? DeliveryStatus.Failed : DeliveryStatus.Queued;
            entry.Secret = giveUp ? null : entry.Secret;
            var wait = _codes.DeliveryFirstBackoff * Math.Pow(2, entry.Attempts - 1);
            entry.NextAttemptAt = now + (wait < _codes.DeliveryMaxBackoff ? wait : _codes.DeliveryMaxBackoff);
            Audit(now, giveUp ? "reset-message-failed" : "reset-message-retry", $"attempt={entry.Attempts}");
            logger.LogWarning("Lost-password message {MessageId} not delivered (attempt {Attempt}): {Error}", entry.MessageId, entry.Attempts, e.GetType().Name);
        }
    }

    private void ScheduleRetry(TimeSpan dueIn)
    {
        _retryTimer?.Dispose();
        _retryTimer = this.RegisterGrainTimer(
            DeliverDue,
            new GrainTimerCreationOptions(dueIn, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }
}
