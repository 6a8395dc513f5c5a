using System.Globalization;
using Enrolment.LoadTest.Members;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.LoadTest.Engine;

/// <summary>
/// One virtual member's whole journey through the HTTP API (SPEC.md), from "Je m'inscris" to signing in with the
/// new password. Every answer is checked against what a member following the happy path would see; the first
/// unexpected answer ends the journey and is counted.
/// </summary>
internal sealed class Journey(GatewayClient client, DevOutbox outbox, RunMetrics metrics, LoadOptions options,
    DirectoryMember member, Scenario scenario)
{
    private readonly string _email = MemberSecrets.Email(member);
    private readonly string _password = MemberSecrets.Password(member);
    private string? _enrolmentId;
    private bool _failed;

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
                "identity-confirmation", new { }, hasMobile ? "confirm-phone" : "choose-channel", ct)))
        {
            return;
        }

        var isMine = scenario == Scenario.SmsOnFile;
        if (hasMobile && !await Passed(StepNames.PhoneConfirmation, JourneyStepAsync(StepNames.PhoneConfirmation,
                "phone-confirmation", new { isMine }, isMine ? "member-number" : "choose-channel", ct)))
        {
            return;
        }

        var phone = member.MobilePhone;
        var byLetter = scenario == Scenario.Letter;
        if (scenario != Scenario.SmsOnFile && !await Passed(StepNames.Channel, JourneyStepAsync(StepNames.Channel,
                "channel", new { channel = byLetter ? "letter" : "sms" }, byLetter ? "member-number" : "enter-phone", ct)))
        {
            return;
        }

        if (scenario == Scenario.SmsNewPhone)
        {
            phone = member.NewPhone;
            if (!await Passed(StepNames.Phone, JourneyStepAsync(StepNames.Phone, "phone",
                    new { phone, phoneConfirmation = phone, phoneMarketingOptOut = false }, "member-number", ct)))
            {
                return;
            }
        }

        var memberNumberStep = byLetter ? StepNames.MemberNumberLetter : StepNames.MemberNumber;
        if (!await Passed(memberNumberStep, JourneyStepAsync(memberNumberStep, "member-number",
                new { memberNumber = member.MemberNumber }, byLetter ? "letter-sent" : "enter-code", ct)))
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
        var started = await StepAsync(StepNames.Start, "/api/enrolments", new
        {
            lastName = member.LastName,
            firstName = member.FirstName,
            birthDate = member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            email = _email,
            emailConfirmation = _email,
            newsletter = false,
        }, Step("confirm-identity"), ct, acknowledge: false);
        if (started is null)
        {
            return false;
        }

        _enrolmentId = started.Text("enrolmentId");
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

        return await Passed(StepNames.Code, JourneyStepAsync(StepNames.Code, "code", new { code }, "create-password", ct))
            && await Passed(StepNames.Password, JourneyStepAsync(StepNames.Password, "password",
                new { password = _password, passwordConfirmation = _password }, "completed", ct));
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

        if (session.Text("firstLoginId") is not { } firstLoginId)
        {
            return Unexpected(StepNames.SignIn, "no-first-login-id");
        }

        var firstLogin = await StepAsync(StepNames.FirstLogin, $"/api/first-login/{Uri.EscapeDataString(firstLoginId)}", new
        {
            email = _email,
            emailConfirmation = _email,
            password = _password,
            passwordConfirmation = _password,
        }, Status("signed-in"), ct);
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
            var session = await SessionAsync(_password, "signed-in", ct);
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

    private Task<StepAnswer?> SessionAsync(string secret, string expectedStatus, CancellationToken ct) =>
        StepAsync(StepNames.SignIn, "/api/sessions", new { memberNumber = member.MemberNumber, secret }, Status(expectedStatus), ct);

    private Task<StepAnswer?> JourneyStepAsync(string step, string action, object body, string expectedStep, CancellationToken ct) =>
        StepAsync(step, $"/api/enrolments/{Uri.EscapeDataString(_enrolmentId!)}/{action}", body, Step(expectedStep), ct);

    /// <summary>Sends one step; returns its answer when it is the expected success, else counts it and returns null.</summary>
    private async Task<StepAnswer?> StepAsync(
        string step, string path, object body, Func<StepAnswer, bool> isExpected, CancellationToken ct, bool acknowledge = true)
    {
        var answer = await client.PostAsync(step, path, body, ct);
        if (!answer.IsSuccess)
        {
            Unexpected(step, answer.ErrorName);
            return null;
        }

        if (!isExpected(answer))
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
    private async Task<bool> Passed(string step, Task<StepAnswer?> sending) => await sending is not null && !StopsAfter(step);

    private bool StopsAfter(string step) =>
        options.StopAfter == step || (options.StopAfter == StepNames.MemberNumber && step == StepNames.MemberNumberLetter);

    private static Func<StepAnswer, bool> Step(string expected) => answer => answer.Text("step") == expected;

    private static Func<StepAnswer, bool> Status(string expected) => answer => answer.Text("status") == expected;

    private bool Unexpected(string step, string error)
    {
        _failed = true;
        metrics.RecordError(step, error);
        return false;
    }
}
