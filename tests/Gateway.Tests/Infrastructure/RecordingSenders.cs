using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Enrolment.Grains.Delivery;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>The SMS provider at the edge: keeps every message so that tests read the codes a member would receive.</summary>
public sealed partial class RecordingSmsSender : ISmsSender
{
    public ConcurrentQueue<SmsMessage> Sent { get; } = new();

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.CompletedTask;
    }

    public IReadOnlyList<SmsMessage> To(string phone) => Sent.Where(m => m.To == phone).ToList();

    /// <summary>The six-digit code of the latest SMS to <paramref name="phone"/>, or null.</summary>
    public string? LatestCode(string phone) =>
        To(phone) is { Count: > 0 } sent && sent[^1] is { } sms ? SixDigits().Match(sms.Text).Value : null;

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}

/// <summary>The print house at the edge: keeps every letter.</summary>
public sealed class RecordingLetterSender : ILetterSender
{
    public ConcurrentQueue<LetterMessage> Sent { get; } = new();

    public Task SendAsync(LetterMessage letter, CancellationToken cancellationToken)
    {
        Sent.Enqueue(letter);
        return Task.CompletedTask;
    }

    public IReadOnlyList<LetterMessage> To(string memberNumber) => Sent.Where(l => l.MemberNumber == memberNumber).ToList();
}
