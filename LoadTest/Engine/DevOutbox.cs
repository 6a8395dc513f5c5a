using System.Text.Json;
using System.Text.RegularExpressions;
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
        PollAsync($"/dev/outbox/sms?to={Uri.EscapeDataString(phone)}", text => SmsCode().Match(text) is { Success: true } m ? m.Value : null, cancellationToken);

    /// <summary>The provisional access code of the newest letter to the member.</summary>
    public Task<(string? Code, string? Error)> LetterCodeAsync(string memberNumber, CancellationToken cancellationToken) =>
        PollAsync($"/dev/outbox/letters?memberNumber={memberNumber}", ProvisionalCode, cancellationToken);

    private async Task<(string? Code, string? Error)> PollAsync(
        string path, Func<string, string?> codeIn, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.OutboxTimeout;
        for (var poll = 0; ; poll++)
        {
            var answer = await client.GetAsync(StepNames.OutboxRead, path, cancellationToken);
            if (!answer.IsSuccess)
            {
                return (null, answer.ErrorName);
            }

            if (NewestText(answer.Body) is { } text && codeIn(text) is { } code)
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

    private static string? NewestText(JsonElement list) =>
        list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0
        && list[0].TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    /// <summary>The letter prints the provisional code alone on its line, in its unambiguous alphabet.</summary>
    private static string? ProvisionalCode(string text) =>
        CodeLine().Match(text) is { Success: true } line ? line.Groups["code"].Value : null;

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SmsCode();

    [GeneratedRegex(@"^[ \t]*(?<code>[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10})[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex CodeLine();
}
