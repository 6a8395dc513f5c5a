using Enrolment.Grains.Interfaces.Operations;
using Enrolment.Grains.Operations;

namespace Enrolment.TestKit;

/// <summary>What the development outbox lists, read back from the fake senders, newest first.</summary>
public sealed class RecordedOutbox(FakeSmsSender sms, FakeLetterSender letters, TimeProvider clock) : IDeliveredMessages
{
    public Task<IReadOnlyList<SentSms>> ListSmsAsync(string to, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SentSms>>(sms.SentTo(to).Reverse().Take(limit)
            .Select(m => new SentSms(m.To, m.Text, clock.GetUtcNow())).ToList());

    public Task<IReadOnlyList<SentLetter>> ListLettersAsync(string memberNumber, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SentLetter>>(letters.SentTo(memberNumber).Reverse().Take(limit)
            .Select(l => new SentLetter(l.MemberNumber, l.RecipientName, l.Address.ToString(), "provisional code letter", l.IssuedAt))
            .ToList());
}
