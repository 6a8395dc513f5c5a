using Enrolment.Grains.Interfaces.Operations;
using Orleans.Concurrency;

namespace Enrolment.Grains.Operations;

[StatelessWorker]
public sealed class DevOutboxGrain(IDeliveredMessages messages) : Grain, IDevOutboxGrain
{
    private const int MaxLimit = 100;

    public Task<IReadOnlyList<SentSms>> ListSms(string to, int limit) =>
        messages.ListSmsAsync(to, Math.Clamp(limit, 1, MaxLimit), CancellationToken.None);

    public Task<IReadOnlyList<SentLetter>> ListLetters(string memberNumber, int limit) =>
        messages.ListLettersAsync(memberNumber, Math.Clamp(limit, 1, MaxLimit), CancellationToken.None);
}
