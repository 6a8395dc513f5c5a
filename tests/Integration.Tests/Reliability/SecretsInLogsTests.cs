using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enrolment.Integration.Tests.LoadTest;
using Enrolment.LoadTest.Members;
using Npgsql;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// Full journeys (SMS to the phone on file, SMS to a new phone, letter then first login, sign-in, lost password) over
/// a silo and a gateway run as processes with every logger at its most verbose (Verbose for the product, Orleans,
/// ASP.NET and the rest; each line also written as compact JSON, so that properties left out of the message are
/// scanned too). Not one line of either process may hold a code, a password, a full phone number in any spelling,
/// a full e-mail address, a provisional access code or an enrolment, first-login or reset id (request lines name the
/// route template).
/// </summary>
[Collection(ProcessesCollection.Name)]
public sealed partial class SecretsInLogsTests
{
    private const string PaulPhone = "0639983708";
    private static readonly Dictionary<string, string> MostVerbose = new()
    {
        ["Serilog__MinimumLevel__Default"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Microsoft"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Orleans"] = "Verbose",
        ["Serilog__MinimumLevel__Override__Polly"] = "Verbose",
        ["Serilog__MinimumLevel__Override__System"] = "Verbose",
        ["Serilog__WriteTo__0__Name"] = "Console",
        ["Serilog__WriteTo__0__Args__formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
    };

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<string> _secrets = [];
    private readonly List<string> _codes = [];
    private readonly List<string> _phones = [];

    [Fact]
    public async Task Full_journeys_at_the_most_verbose_level_leave_no_secret_in_any_log_line()
    {
        await using var stack = await RunningStack.StartAsync(new StackShape { Members = 1_000, Settings = MostVerbose, OnLine = _lines.Enqueue });
        using var http = new HttpClient { BaseAddress = stack.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var outbox = new OutboxReader(stack.ConnectionString);

        await SmsToThePhoneOnFileThenLostPasswordAsync(http, outbox);
        await SmsToANewPhoneAsync(http, outbox);
        await LetterThenFirstLoginAsync(http, outbox);
        var lines = await LinesUpToTheLastRequestAsync();
        Assert.True(lines.Count > 1_000, $"Only {lines.Count} lines: the verbose levels did not apply.");
        Assert.Contains(lines, l => l.Contains("\"@t\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Orleans", StringComparison.Ordinal) && l.Contains("VRB", StringComparison.Ordinal));
        var leaks = lines.Where(Leaks).Take(20).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} log lines hold a secret, e.g.:\n{string.Join('\n', leaks)}");
    }

    private async Task SmsToThePhoneOnFileThenLostPasswordAsync(HttpClient http, OutboxReader outbox)
    {
        var paul = new MemberOverHttp(new DirectoryMember(0, "1234567890", "COMET", "PAUL", new DateOnly(1985, 8, 1), PaulPhone, true, ""));
        Remember(paul.Email, MemberOverHttp.Password, "Wrong2Password9");
        _phones.Add(PaulPhone);
        await paul.ReachEnterCodeAsync(_ => http);
        var code = await outbox.NewSmsCodeAsync(PaulPhone, 0);
        await paul.SubmitCodeAsync(http, code == "000000" ? "000001" : "000000");
        await FinishWithCodeAsync(paul, http, code);
        MemberOverHttp.ExpectStatus(await paul.SignInAsync(http, "Wrong2Password9"), HttpStatusCode.Unauthorized);
        MemberOverHttp.ExpectStatus(await paul.SignInAsync(http, MemberOverHttp.Password), HttpStatusCode.OK);

        const string newPassword = "Lost2Found7Again";
        Remember(newPassword);
        var api = new EnrolmentApi(http);
        var resetId = MemberOverHttp.ExpectStep(await api.StartReset("12345678.90", "1985-08-01"), "enter-code").ResetId;
        Remember(resetId);
        var resetCode = await outbox.NewSmsCodeAsync(PaulPhone, 1);
        MemberOverHttp.ExpectStep(await api.SubmitResetCode(resetId, resetCode), "create-password");
        MemberOverHttp.ExpectStep(await api.SetNewPassword(resetId, newPassword), "completed");
        MemberOverHttp.ExpectStatus(await paul.SignInAsync(http, newPassword), HttpStatusCode.OK);
    }

    private async Task SmsToANewPhoneAsync(HttpClient http, OutboxReader outbox)
    {
        var member = MemberOverHttp.WithOwnMobile(1_000, 1)[0];
        var newPhone = member.Member.NewPhone;
        var typed = $"+33 {newPhone[1]} {newPhone[2..4]} {newPhone[4..6]} {newPhone[6..8]} {newPhone[8..]}";
        Remember(member.Email);
        _phones.Add(newPhone);
        _phones.Add(member.Member.MobilePhone!);
        MemberOverHttp.ExpectStep(await member.StartAsync(http), "confirm-identity");
        MemberOverHttp.ExpectStep(await member.ConfirmIdentityAsync(http), "confirm-phone");
        MemberOverHttp.ExpectStep(await member.ConfirmPhoneAsync(http, false), "choose-channel");
        MemberOverHttp.ExpectStep(await member.ChooseChannelAsync(http, "sms"), "enter-phone");
        MemberOverHttp.ExpectStep(
            await member.EnterPhoneAsync(http, new PhoneRequest(typed, typed, true)), "member-number");
        MemberOverHttp.ExpectStep(await member.SubmitMemberNumberAsync(http), "enter-code");
        await FinishWithCodeAsync(member, http, await outbox.NewSmsCodeAsync(newPhone, 0));
    }

    private async Task LetterThenFirstLoginAsync(HttpClient http, OutboxReader outbox)
    {
        var marie = new MemberOverHttp(new DirectoryMember(1, "2345678901", "D'ARCY", "MARIE-HÉLÈNE", new DateOnly(1972, 2, 29), null, false, ""));
        const string password = "Lyon2Place9Marche";
        Remember(marie.Email, password);
        MemberOverHttp.ExpectStep(await marie.StartAsync(http), "confirm-identity");
        MemberOverHttp.ExpectStep(await marie.ConfirmIdentityAsync(http), "choose-channel");
        MemberOverHttp.ExpectStep(await marie.ChooseChannelAsync(http, "letter"), "member-number");
        MemberOverHttp.ExpectStep(await marie.SubmitMemberNumberAsync(http), "letter-sent");
        var provisional = await outbox.ProvisionalCodeAsync("2345678901");
        Remember(provisional);

        var signIn = await marie.SignInAsync(http, provisional);
        var firstLoginId = MemberOverHttp.ExpectStatus(signIn, HttpStatusCode.OK).FirstLoginId!;
        Remember(marie.EnrolmentId!, firstLoginId);
        var firstLogin = await new EnrolmentApi(http).CompleteFirstLogin(
            firstLoginId, new FirstLoginRequest(marie.Email, marie.Email, password, password));
        MemberOverHttp.ExpectStatus(firstLogin, HttpStatusCode.OK);
    }

    private async Task FinishWithCodeAsync(MemberOverHttp member, HttpClient http, string code)
    {
        _codes.Add(code);
        Remember(member.EnrolmentId!);
        MemberOverHttp.ExpectStep(await member.SubmitCodeAsync(http, code), "create-password");
        MemberOverHttp.ExpectStep(await member.CreatePasswordAsync(http), "completed");
    }

    /// <summary>Every line, once the gateway's line for the last request (the first login) came through the pipe.</summary>
    private async Task<List<string>> LinesUpToTheLastRequestAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!_lines.Any(IsTheLastRequestLine))
        {
            Assert.True(DateTime.UtcNow < deadline, "No request line for POST /api/first-login/{firstLoginId} within 30 s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        return [.. _lines];
    }

    private static bool IsTheLastRequestLine(string line) =>
        line.Contains("\"RequestMethod\":\"POST\"", StringComparison.Ordinal)
        && line.Contains("\"RequestPath\":\"/api/first-login/{firstLoginId}\"", StringComparison.Ordinal);

    private void Remember(params string[] secrets) => _secrets.AddRange(secrets);

    private bool Leaks(string line) =>
        _secrets.Any(s => line.Contains(s, StringComparison.OrdinalIgnoreCase))
        || _codes.Any(code => Regex.IsMatch(line, $"(?<![0-9A-Za-z]){code}(?![0-9A-Za-z])"))
        || _phones.Any(phone => PhonePattern(phone).IsMatch(line));

    /// <summary>The nine significant digits, with or without 0 / +33 / 0033 in front, spaces, dots or dashes between.</summary>
    private static Regex PhonePattern(string phone) =>
        new($"(?<![0-9])(?:0|\\+33|0033)?[ .-]?{string.Join("[ .-]?", phone[1..].ToCharArray())}(?![0-9])");

    /// <summary>Reads what the development senders recorded, straight from dev_outbox (never through a logged URL).</summary>
    private sealed partial class OutboxReader(string connectionString)
    {
        /// <summary>The code of the SMS number <paramref name="index"/> (oldest first) sent to the phone, once it is there.</summary>
        public async Task<string> NewSmsCodeAsync(string phone, int index)
        {
            var payloads = await EventuallyAsync("sms", phone, index + 1);
            return SixDigits().Match(payloads[index]).Value;
        }

        public async Task<string> ProvisionalCodeAsync(string memberNumber)
        {
            var letter = JsonDocument.Parse((await EventuallyAsync("letter", memberNumber, 1))[0]).RootElement.GetProperty("text").GetString()!;
            return CodeLine().Match(letter).Groups["code"].Value;
        }

        private async Task<IReadOnlyList<string>> EventuallyAsync(string kind, string recipient, int count) =>
            await Eventually.Until(
                () => PayloadsAsync(kind, recipient),
                payloads => payloads.Count >= count,
                $"{kind} number {count} for the member",
                TimeSpan.FromSeconds(60),
                TimeSpan.FromMilliseconds(200));

        private async Task<IReadOnlyList<string>> PayloadsAsync(string kind, string recipient)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await using var command = dataSource.CreateCommand("SELECT payload FROM dev_outbox WHERE kind = $1 AND recipient = $2 ORDER BY created_at");
            command.Parameters.Add(new NpgsqlParameter { Value = kind });
            command.Parameters.Add(new NpgsqlParameter { Value = recipient });
            var payloads = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                payloads.Add(reader.GetString(0));
            }

            return payloads;
        }

        [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
        private static partial Regex SixDigits();

        [GeneratedRegex(@"^[ \t]*(?<code>[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10})[ \t]*$", RegexOptions.Multiline)]
        private static partial Regex CodeLine();
    }
}
