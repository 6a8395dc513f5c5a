using System.Globalization;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Members;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>
/// One virtual member's whole journey through the HTTP API (docs/api.md), from "Je m'inscris" to signing in with the
/// new password. Every answer is checked against what a member following the happy path would see; the first
/// unexpected answer ends the journey and is counted.
/// </summary>
internal sealed class Journey(GatewayClient client, DevOutbox outbox, RunMetrics metrics, LoadOptions options,
    DirectoryMember member, Scenario scenario)
{
    private readonly string _email = MemberSecrets.Email(member);
    private string? _password;
    private string? _enrolmentId;
    private bool _failed;

    /// <summary>Made up when first needed: a journey that stops before the password never pays for the rules' check.</summary>
    private string Password => _password ??= MemberSecrets.Password(member);

    public async Task<JourneyOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StepsAsync(cancellationToken);
            return _failed ? JourneyOutcome.Failed : JourneyOutcome.Completed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return JourneyOutcome.Abandoned;
        }
    }

    private async Task StepsAsync(CancellationToken ct)
    {
        if (!await StartAsync(ct))
        {
            return;
        }

        var hasMobile = member.MobilePhone is not null;
        if (!await Passed(StepNames.IdentityConfirmation, JourneyStepAsync(StepNames.IdentityConfirmation,
                (api, id, c) => api.ConfirmIdentity(id, c), hasMobile ? "confirm-phone" : "choose-channel", ct)))
        {
            return;
        }

        var isMine = scenario == Scenario.SmsOnFile;
        if (hasMobile && !await Passed(StepNames.PhoneConfirmation, JourneyStepAsync(StepNames.PhoneConfirmation,
                (api, id, c) => api.ConfirmPhone(id, isMine, c), isMine ? "member-number" : "choose-channel", ct)))
        {
            return;
        }

        var phone = member.MobilePhone;
        var byLetter = scenario == Scenario.Letter;
        var channel = byLetter ? "letter" : "sms";
        if (scenario != Scenario.SmsOnFile && !await Passed(StepNames.Channel, JourneyStepAsync(StepNames.Channel,
                (api, id, c) => api.ChooseChannel(id, channel, c), byLetter ? "member-number" : "enter-phone", ct)))
        {
            return;
        }

        if (scenario == Scenario.SmsNewPhone)
        {
            var newPhone = new PhoneRequest(member.NewPhone, member.NewPhone, PhoneMarketingOptOut: false);
            phone = member.NewPhone;
            if (!await Passed(StepNames.Phone, JourneyStepAsync(StepNames.Phone,
                    (api, id, c) => api.EnterPhone(id, newPhone, c), "member-number", ct)))
            {
                return;
            }
        }

        var memberNumberStep = byLetter ? StepNames.MemberNumberLetter : StepNames.MemberNumber;
        if (!await Passed(memberNumberStep, JourneyStepAsync(memberNumberStep,
                (api, id, c) => api.SubmitMemberNumber(id, member.MemberNumber, c), byLetter ? "letter-sent" : "enter-code", ct)))
        {
            return;
        }

        if (byLetter ? await FirstLoginAsync(ct) : await CodeAndPasswordAsync(phone!, ct))
        {
            await SignInsAsync(ct);
        }
    }

    private async Task<bool> StartAsync(CancellationToken ct)
    {
        var identity = new IdentityRequest(member.LastName, member.FirstName,
            member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), _email, _email, Newsletter: false);
        var started = await StepAsync(StepNames.Start, (api, c) => api.StartEnrolment(identity, c),
            Step("confirm-identity"), ct, acknowledge: false);
        if (started is null)
        {
            return false;
        }

        _enrolmentId = started.Body!.EnrolmentId;
        if (_enrolmentId is null)
        {
            return Unexpected(StepNames.Start, "no-enrolment-id");
        }

        metrics.RecordAcknowledged(StepNames.Start, member.MemberNumber, _enrolmentId);
        return !StopsAfter(StepNames.Start);
    }

    private async Task<bool> CodeAndPasswordAsync(string phone, CancellationToken ct)
    {
        var (code, error) = await outbox.SmsCodeAsync(phone, ct);
        if (code is null)
        {
            return Unexpected(StepNames.OutboxRead, error!);
        }

        return await Passed(StepNames.Code, JourneyStepAsync(StepNames.Code,
                (api, id, c) => api.SubmitCode(id, code, c), "create-password", ct))
            && await Passed(StepNames.Password, JourneyStepAsync(StepNames.Password,
                (api, id, c) => api.CreatePassword(id, Password, c), "completed", ct));
    }

    /// <summary>Signs in with the provisional code from the letter, then completes the first login with a password.</summary>
    private async Task<bool> FirstLoginAsync(CancellationToken ct)
    {
        var (provisionalCode, error) = await outbox.LetterCodeAsync(member.MemberNumber, ct);
        if (provisionalCode is null)
        {
            return Unexpected(StepNames.OutboxRead, error!);
        }

        var session = await SessionAsync(provisionalCode, "first-login", ct);
        if (session is null)
        {
            return false;
        }

        if (session.Body!.FirstLoginId is not { } firstLoginId)
        {
            return Unexpected(StepNames.SignIn, "no-first-login-id");
        }

        var completion = new FirstLoginRequest(_email, _email, Password, Password);
        var firstLogin = await StepAsync(StepNames.FirstLogin,
            (api, c) => api.CompleteFirstLogin(firstLoginId, completion, c), Status("signed-in"), ct);
        if (firstLogin is null)
        {
            return false;
        }

        return firstLogin.SessionCookie is null
            ? Unexpected(StepNames.FirstLogin, "no-session-cookie")
            : !StopsAfter(StepNames.FirstLogin);
    }

    private async Task SignInsAsync(CancellationToken ct)
    {
        for (var i = 0; i < options.SignIns; i++)
        {
            var session = await SessionAsync(Password, "signed-in", ct);
            if (session is null)
            {
                return;
            }

            if (session.SessionCookie is null)
            {
                Unexpected(StepNames.SignIn, "no-session-cookie");
                return;
            }
        }
    }

    private Task<ApiAnswer<SessionAnswer>?> SessionAsync(string secret, string expectedStatus, CancellationToken ct) =>
        StepAsync(StepNames.SignIn, (api, c) => api.SignIn(member.MemberNumber, secret, c), Status(expectedStatus), ct);

    /// <summary>A step of the enrolment journey: <paramref name="call"/> is given the journey's id.</summary>
    private Task<ApiAnswer<JourneyAnswer>?> JourneyStepAsync(string step,
        Func<EnrolmentApi, string, CancellationToken, Task<ApiAnswer<JourneyAnswer>>> call, string expectedStep, CancellationToken ct) =>
        StepAsync(step, (api, c) => call(api, _enrolmentId!, c), Step(expectedStep), ct);

    /// <summary>Sends one step; returns its answer when it is the expected success, else counts it and returns null.</summary>
    private async Task<ApiAnswer<T>?> StepAsync<T>(string step, Func<EnrolmentApi, CancellationToken, Task<ApiAnswer<T>>> call,
        Func<T, bool> isExpected, CancellationToken ct, bool acknowledge = true)
    {
        var sent = await client.SendAsync(step, call, ct);
        if (!sent.IsSuccess)
        {
            Unexpected(step, sent.ErrorName);
            return null;
        }

        var answer = sent.Answer!;
        if (answer.Body is not { } body || !isExpected(body))
        {
            Unexpected(step, "unexpected-answer");
            return null;
        }

        if (acknowledge)
        {
            metrics.RecordAcknowledged(step, member.MemberNumber, _enrolmentId);
        }

        return answer;
    }

    /// <summary>Whether the journey goes on after this step: it succeeded and the run does not stop there.</summary>
    private async Task<bool> Passed<T>(string step, Task<ApiAnswer<T>?> sending) => await sending is not null && !StopsAfter(step);

    private bool StopsAfter(string step) =>
        options.StopAfter == step || (options.StopAfter == StepNames.MemberNumber && step == StepNames.MemberNumberLetter);

    private static Func<JourneyAnswer, bool> Step(string expected) => answer => answer.Step == expected;

    private static Func<SessionAnswer, bool> Status(string expected) => answer => answer.Status == expected;

    private bool Unexpected(string step, string error)
    {
        _failed = true;
        metrics.RecordError(step, error);
        return false;
    }
}
