using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>Reads what the product sent through the development outbox API, as the dev inbox page does.</summary>
public static partial class DevOutbox
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The code of the newest SMS to this phone once there are more than <paramref name="alreadySent"/>.</summary>
    public static async Task<string> WaitForSmsCodeAsync(this ProductStack stack, string phone, int alreadySent = 0)
    {
        var messages = await WaitForAsync<SmsMessage>(stack, $"dev/outbox/sms?to={phone}", alreadySent);
        return SixDigits().Match(messages[0].Text).Value;
    }

    public static async Task<int> CountSmsAsync(this ProductStack stack, string phone) =>
        (await stack.Http.GetFromJsonAsync<List<SmsMessage>>(new Uri($"dev/outbox/sms?to={phone}", UriKind.Relative)))!.Count;

    public static async Task<int> CountLettersAsync(this ProductStack stack, string memberNumber) =>
        (await stack.Http.GetFromJsonAsync<List<LetterMessage>>(new Uri($"dev/outbox/letters?memberNumber={memberNumber}", UriKind.Relative)))!.Count;

    /// <summary>The provisional access code of the newest letter to this member.</summary>
    public static async Task<string> WaitForProvisionalCodeAsync(this ProductStack stack, string memberNumber, int alreadySent = 0)
    {
        var letters = await WaitForAsync<LetterMessage>(stack, $"dev/outbox/letters?memberNumber={memberNumber}", alreadySent);
        return ProvisionalCode().Match(letters[0].Text).Groups[1].Value;
    }

    // Delivery goes through the journey's outbox: the message may land a moment after the step answered.
    private static async Task<List<T>> WaitForAsync<T>(ProductStack stack, string path, int alreadySent)
    {
        using var timeout = new CancellationTokenSource(DeliveryTimeout);
        while (true)
        {
            var messages = await stack.Http.GetFromJsonAsync<List<T>>(new Uri(path, UriKind.Relative), timeout.Token);
            if (messages!.Count > alreadySent)
            {
                return messages;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }

    private sealed record SmsMessage(string To, string Text, DateTimeOffset SentAt);

    private sealed record LetterMessage(string MemberNumber, string RecipientName, string Address, string Text, DateTimeOffset SentAt);

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();

    // The letter sets the code apart on a line of its own, indented.
    [GeneratedRegex(@"^[ \t]+(\S+)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex ProvisionalCode();
}
