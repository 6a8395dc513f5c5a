using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Enrolment.ApiClient;
using Enrolment.LoadTest.Members;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// A member of the development directory going through the HTTP API with the typed client, through whichever
/// gateway each call names, reading codes from that gateway's development outbox.
/// </summary>
public sealed partial class MemberOverHttp(DirectoryMember member)
{
    public const string Password = "Chaos2026Proof";

    public DirectoryMember Member { get; } = member;

    public string Email => $"m{Member.MemberNumber}@reliability.example";

    public string? EnrolmentId { get; set; }

    /// <summary>The first members of a directory of <paramref name="size"/> whose mobile is theirs alone.</summary>
    public static IReadOnlyList<MemberOverHttp> WithOwnMobile(int size, int count) =>
        [.. new DevelopmentMemberSource(size).From(0).Where(m => m.MobileIsTheirsAlone).Take(count).Select(m => new MemberOverHttp(m))];

    public IdentityRequest Identity => new(
        Member.LastName, Member.FirstName, Member.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Email, Email, Newsletter: false);

    public async Task<ApiAnswer<JourneyAnswer>> StartAsync(HttpClient gateway)
    {
        var answer = await new EnrolmentApi(gateway).StartEnrolment(Identity);
        EnrolmentId = answer.Body?.EnrolmentId ?? EnrolmentId;
        return answer;
    }

    public Task<ApiAnswer<JourneyAnswer>> GetAsync(HttpClient gateway) => new EnrolmentApi(gateway).GetEnrolment(EnrolmentId!);

    public Task<ApiAnswer<JourneyAnswer>> ConfirmIdentityAsync(HttpClient gateway) => new EnrolmentApi(gateway).ConfirmIdentity(EnrolmentId!);

    public Task<ApiAnswer<JourneyAnswer>> ConfirmPhoneAsync(HttpClient gateway, bool isMine) =>
        new EnrolmentApi(gateway).ConfirmPhone(EnrolmentId!, isMine);

    public Task<ApiAnswer<JourneyAnswer>> ChooseChannelAsync(HttpClient gateway, string channel) =>
        new EnrolmentApi(gateway).ChooseChannel(EnrolmentId!, channel);

    public Task<ApiAnswer<JourneyAnswer>> EnterPhoneAsync(HttpClient gateway, PhoneRequest phone) =>
        new EnrolmentApi(gateway).EnterPhone(EnrolmentId!, phone);

    public Task<ApiAnswer<JourneyAnswer>> SubmitMemberNumberAsync(HttpClient gateway) =>
        new EnrolmentApi(gateway).SubmitMemberNumber(EnrolmentId!, Member.MemberNumber);

    public Task<ApiAnswer<JourneyAnswer>> SubmitCodeAsync(HttpClient gateway, string code) => new EnrolmentApi(gateway).SubmitCode(EnrolmentId!, code);

    public Task<ApiAnswer<JourneyAnswer>> CreatePasswordAsync(HttpClient gateway) => new EnrolmentApi(gateway).CreatePassword(EnrolmentId!, Password);

    public Task<ApiAnswer<SessionAnswer>> SignInAsync(HttpClient gateway, string secret) =>
        new EnrolmentApi(gateway).SignIn(Member.MemberNumber, secret);

    /// <summary>Identity confirmed, phone on file confirmed, member number typed: the code is on its way.</summary>
    public async Task ReachEnterCodeAsync(Func<int, HttpClient> gatewayForStep)
    {
        ExpectStep(await StartAsync(gatewayForStep(0)), "confirm-identity");
        ExpectStep(await ConfirmIdentityAsync(gatewayForStep(1)), "confirm-phone");
        ExpectStep(await ConfirmPhoneAsync(gatewayForStep(2), isMine: true), "member-number");
        ExpectStep(await SubmitMemberNumberAsync(gatewayForStep(3)), "enter-code");
    }

    /// <summary>The codes of every SMS the development outbox holds for the member's mobile, newest first.</summary>
    public async Task<IReadOnlyList<string>> SmsCodesAsync(HttpClient gateway)
    {
        var sent = ExpectStatus(await new EnrolmentApi(gateway).SmsTo(Member.MobilePhone!), HttpStatusCode.OK);
        return [.. sent.Select(sms => SmsCode().Match(sms.Text).Value)];
    }

    public static JourneyAnswer ExpectStep(ApiAnswer<JourneyAnswer> answer, string step)
    {
        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(step, answer.Body!.Step);
        return answer.Body;
    }

    public static ResetAnswer ExpectStep(ApiAnswer<ResetAnswer> answer, string step)
    {
        Assert.True(answer.IsSuccess, answer.ToString());
        Assert.Equal(step, answer.Body!.Step);
        return answer.Body;
    }

    public static T ExpectStatus<T>(ApiAnswer<T> answer, HttpStatusCode status)
    {
        Assert.True(answer.Status == status, $"Expected {(int)status}: {answer}");
        return answer.Body!;
    }

    [GeneratedRegex(@"(?<![0-9])[0-9]{6}(?![0-9])")]
    private static partial Regex SmsCode();
}
