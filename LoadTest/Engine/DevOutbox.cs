using System.Text.RegularExpressions;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>
/// Reads what the development senders recorded (GET /dev/outbox/…, newest first), as a member reads their phone
/// or mailbox. Delivery goes through the silo's outbox, so a message may arrive a little after the step's answer:
/// poll with a growing pause, up to the configured time.
/// </summary>
internal sealed partial class DevOutbox(GatewayClient client, LoadOptions options)
{
    private static readonly TimeSpan[] Pauses =
        [TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250)];

    /// <summary>The 6-digit code of the newest SMS to <paramref name="phone"/>, or the error that prevented reading it.</summary>
    public Task<(string? Code, string? Error)> SmsCodeAsync(string phone, CancellationToken cancellationToken) =>
        PollAsync((api, ct) => api.SmsTo(phone, ct), sms => sms.Text,
            text => SmsCode().Match(text) is { Success: true } m ? m.Value : null, cancellationToken);

    /// <summary>The provisional access code of the newest letter to the member.</summary>
    public Task<(string? Code, string? Error)> LetterCodeAsync(string memberNumber, CancellationToken cancellationToken) =>
        PollAsync((api, ct) => api.LettersTo(memberNumber, ct), letter => letter.Text, ProvisionalCode, cancellationToken);

    private async Task<(string? Code, string? Error)> PollAsync<T>(
        Func<EnrolmentApi, CancellationToken, Task<ApiAnswer<IReadOnlyList<T>>>> read, Func<T, string> textOf,
        Func<string, string?> codeIn, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.OutboxTimeout;
        for (var poll = 0; ; poll++)
        {
            var answer = await client.SendAsync(StepNames.OutboxRead, read, cancellationToken);
            if (!answer.IsSuccess)
            {
                return (null, answer.ErrorName);
            }

            if (answer.Answer!.Body is [var newest, ..] && codeIn(textOf(newest)) is { } code)
            {
                return (code, null);
            }

            if (DateTime.UtcNow >= deadline)
            {
                return (null, "not-delivered");
            }

            await Task.Delay(Pauses[Math.Min(poll, Pauses.Length - 1)], cancellationToken);
        }
    }

    /// <summary>The letter prints the provisional code alone on its line, in its unambiguous alphabet.</summary>
    private static string? ProvisionalCode(string text) =>
        CodeLine().Match(text) is { Success: true } line ? line.Groups["code"].Value : null;

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SmsCode();

    [GeneratedRegex(@"^[ \t]*(?<code>[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10})[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();
}
