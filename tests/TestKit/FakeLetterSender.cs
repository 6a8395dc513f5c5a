using System.Collections.Concurrent;
using Enrolment.Grains.Delivery;

namespace Enrolment.TestKit;

/// <summary>Records every letter handed to the print house; can be told to fail for a member a number of times.</summary>
public sealed class FakeLetterSender : ILetterSender
{
    private readonly ConcurrentQueue<LetterMessage> _sent = new();
    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();

    public Task SendAsync(LetterMessage letter, CancellationToken cancellationToken)
    {
        if (_failuresLeft.TryGetValue(letter.MemberNumber, out var left) && left > 0)
        {
            _failuresLeft[letter.MemberNumber] = left - 1;
            throw new IOException("The print batch could not be written.");
        }

        _sent.Enqueue(letter);
        return Task.CompletedTask;
    }

    public void FailFor(string memberNumber, int times) => _failuresLeft[memberNumber] = times;

    public IReadOnlyList<LetterMessage> SentTo(string memberNumber) => [.. _sent.Where(l => l.MemberNumber == memberNumber)];
}
