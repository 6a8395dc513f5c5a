using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Enrolment.Grains.Delivery;

namespace Enrolment.TestKit;

/// <summary>Records every SMS handed over; can be told to fail for a phone a number of times (or always).</summary>
public sealed partial class FakeSmsSender : ISmsSender
{
    /// <summary>Every SMS handed over, in order; a test may add one as if it had been sent.</summary>
    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<string, int> _tries = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _held = new();

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        _tries.AddOrUpdate(message.To, 1, (_, n) => n + 1);
        if (_held.TryGetValue(message.To, out var held))
        {
            await held.Task;
        }

        if (_failuresLeft.TryGetValue(message.To, out var left) && left > 0)
        {
            _failuresLeft[message.To] = left - 1;
            throw new HttpRequestException("The SMS provider is unavailable.");
        }

        Sent.Enqueue(message);
    }

    public void FailFor(string phone, int times) => _failuresLeft[phone] = times;

    /// <summary>Keeps every try to <paramref name="phone"/> in flight, as a provider that does not answer would, until released.</summary>
    public void Hold(string phone) => _held[phone] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string phone)
    {
        if (_held.TryRemove(phone, out var held))
        {
            held.SetResult();
        }
    }

    public int TriesTo(string phone) => _tries.GetValueOrDefault(phone);

    public IReadOnlyList<SmsMessage> SentTo(string phone) => [.. Sent.Where(m => m.To == phone)];

    /// <summary>The code carried by the latest SMS to <paramref name="phone"/>.</summary>
    public string LastCodeTo(string phone)
    {
        var sent = SentTo(phone);
        Assert.NotEmpty(sent);
        return SixDigits().Match(sent[^1].Text).Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
