using System.Globalization;
using System.Text.RegularExpressions;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.Grains.Interfaces.Operations;
using Enrolment.Integration.Tests.Platform;

namespace Enrolment.Integration.Tests.Delivery;

/// <summary>
/// A journey in a real silo on PostgreSQL sends its code through the development senders, and the dev inbox
/// (what the wizard, the browser tests and the load generator read) shows it.
/// </summary>
public sealed partial class DeliveryThroughTheSiloTests : IAsyncLifetime
{
    private readonly TestSilos silos = new(TestDatabase.ConnectionString);
    private IClusterClient client = null!;

    public async Task InitializeAsync()
    {
        await silos.StartSiloAsync();
        client = (await silos.StartGatewayClientAsync()).Services.GetRequiredService<IClusterClient>();
    }

    public async Task DisposeAsync() => await silos.DisposeAsync();

    [Fact]
    public async Task The_sms_code_reaches_the_dev_inbox_and_is_the_code_the_journey_accepts()
    {
        var member = NewMember(mobile: "07" + Digits(8));
        var enrolment = client.GetGrain<IEnrolmentGrain>(member.MemberNumber);
        var journey = Succeeded(await enrolment.Start(new StartJourney(member, "member@example.test", Newsletter: false))).JourneyId;
        Succeeded(await enrolment.ConfirmIdentity(journey));
        Succeeded(await enrolment.ConfirmPhone(journey, isMine: true));
        Assert.Equal(JourneyStep.EnterCode, Succeeded(await enrolment.SubmitMemberNumber(journey, member.MemberNumber)).Step);

        var sms = await Eventually.Answers(async () =>
            (await client.GetGrain<IDevOutboxGrain>(0).ListSms(member.MobilePhone!, 10)) is [var only] ? only : throw new InvalidOperationException("no SMS yet"));

        var code = SixDigits().Match(sms.Text);
        Assert.True(code.Success, "the SMS carries a 6-digit code");
        Assert.Equal(JourneyStep.CreatePassword, Succeeded(await enrolment.SubmitCode(journey, code.Value)).Step);
    }

    [Fact]
    public async Task The_letter_reaches_the_dev_inbox_addressed_to_the_member_with_a_provisional_code()
    {
        var member = NewMember(mobile: null);
        var enrolment = client.GetGrain<IEnrolmentGrain>(member.MemberNumber);
        var journey = Succeeded(await enrolment.Start(new StartJourney(member, "member@example.test", Newsletter: false))).JourneyId;
        Succeeded(await enrolment.ConfirmIdentity(journey));
        Succeeded(await enrolment.ChooseChannel(journey, DeliveryChannel.Letter));
        Assert.Equal(JourneyStep.LetterSent, Succeeded(await enrolment.SubmitMemberNumber(journey, member.MemberNumber)).Step);

        var letter = await Eventually.Answers(async () =>
            (await client.GetGrain<IDevOutboxGrain>(0).ListLetters(member.MemberNumber, 10)) is [var only] ? only : throw new InvalidOperationException("no letter yet"));

        Assert.Equal(member.FullName, letter.RecipientName);
        Assert.Equal(member.Address.ToString(), letter.Address);
        Assert.StartsWith($"{member.FullName}\n{member.Address.Street}\n{member.Address.PostalCode} {member.Address.City}\n", letter.Text, StringComparison.Ordinal);
        Assert.Contains("code d'accès provisoire", letter.Text, StringComparison.Ordinal);
    }

    private static JourneyView Succeeded(StepOutcome outcome) =>
        outcome.View ?? throw new InvalidOperationException($"Refused: {outcome.Refusal?.Code}");

    /// <summary>A member of our own, so that the test never meets another test's journeys or messages.</summary>
    private static MemberRecord NewMember(string? mobile) => new(
        Digits(10), "LAFORGE", "ANNE", new DateOnly(1961, 4, 12), new PostalAddress("12 RUE DES LILAS", "35000", "RENNES"), mobile);

    private static string Digits(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => Random.Shared.Next(10).ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
