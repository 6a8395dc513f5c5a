namespace Enrolment.Grains.Enrolments;

/// <summary>What moves a journey on: each succeeded step of the guide, named for what the member did.</summary>
public enum JourneyEvent
{
    IdentityConfirmedWithMobile,
    IdentityConfirmedWithoutMobile,
    IdentityConfirmedByFranceConnect,
    PhoneConfirmed,
    PhoneDeclined,
    SmsChosen,
    LetterChosen,
    PhoneEntered,
    CodeSent,
    LetterPosted,
    CodeResent,
    CodeAccepted,
    PasswordCreated,
    FranceConnectLinked,
}

/// <summary>One arrow of the journey: at <see cref="From"/>, <see cref="Event"/> leads to <see cref="To"/>.</summary>
public sealed record JourneyTransition(JourneyStep From, JourneyEvent Event, JourneyStep To);

/// <summary>
/// Every way a journey moves, in the order of the guide (steps 2 to 7); a journey opened from FranceConnect goes
/// from the identity straight to the member number, which ends it with an account linked to that identity. The journey grain moves a journey only
/// through <see cref="Journey.Move"/>, so this table is the whole state machine; docs/enrolment.md draws it
/// (the diagram is rendered by <see cref="Mermaid"/> and a test keeps the two alike).
/// </summary>
public static class JourneyMachine
{
    public static IReadOnlyList<JourneyTransition> Transitions { get; } =
    [
        new(JourneyStep.ConfirmIdentity, JourneyEvent.IdentityConfirmedWithMobile, JourneyStep.ConfirmPhone),
        new(JourneyStep.ConfirmIdentity, JourneyEvent.IdentityConfirmedWithoutMobile, JourneyStep.ChooseChannel),
        new(JourneyStep.ConfirmIdentity, JourneyEvent.IdentityConfirmedByFranceConnect, JourneyStep.MemberNumber),
        new(JourneyStep.ConfirmPhone, JourneyEvent.PhoneConfirmed, JourneyStep.MemberNumber),
        new(JourneyStep.ConfirmPhone, JourneyEvent.PhoneDeclined, JourneyStep.ChooseChannel),
        new(JourneyStep.ChooseChannel, JourneyEvent.SmsChosen, JourneyStep.EnterPhone),
        new(JourneyStep.ChooseChannel, JourneyEvent.LetterChosen, JourneyStep.MemberNumber),
        new(JourneyStep.EnterPhone, JourneyEvent.PhoneEntered, JourneyStep.MemberNumber),
        new(JourneyStep.MemberNumber, JourneyEvent.CodeSent, JourneyStep.EnterCode),
        new(JourneyStep.MemberNumber, JourneyEvent.LetterPosted, JourneyStep.LetterSent),
        new(JourneyStep.MemberNumber, JourneyEvent.FranceConnectLinked, JourneyStep.Completed),
        new(JourneyStep.EnterCode, JourneyEvent.CodeResent, JourneyStep.EnterCode),
        new(JourneyStep.EnterCode, JourneyEvent.CodeAccepted, JourneyStep.CreatePassword),
        new(JourneyStep.CreatePassword, JourneyEvent.PasswordCreated, JourneyStep.Completed),
    ];

    /// <summary>Where <paramref name="event"/> leads from <paramref name="from"/>; null when it does not happen there.</summary>
    public static JourneyStep? Next(JourneyStep from, JourneyEvent @event) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Event == @event)?.To;

    /// <summary>The table as a Mermaid state diagram, as docs/enrolment.md shows it.</summary>
    public static string Mermaid()
    {
        var lines = new List<string> { "stateDiagram-v2", $"    [*] --> {JourneyStep.ConfirmIdentity}" };
        lines.AddRange(Transitions.Select(t => $"    {t.From} --> {t.To} : {t.Event}"));
        lines.Add($"    {JourneyStep.Completed} --> [*]");
        lines.Add($"    {JourneyStep.LetterSent} --> [*]");
        return string.Join('\n', lines);
    }
}
