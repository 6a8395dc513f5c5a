using Enrolment.Grains.Interfaces.Operations;

namespace Enrolment.Grains.Operations;

/// <summary>Development only: reads back what the development senders recorded, newest first.</summary>
public interface IDeliveredMessages
{
    Task<IReadOnlyList<SentSms>> ListSmsAsync(string to, int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<SentLetter>> ListLettersAsync(string memberNumber, int limit, CancellationToken cancellationToken);
}
