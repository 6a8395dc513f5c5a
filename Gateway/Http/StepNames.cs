using Enrolment.Grains.Interfaces.Enrolments;

namespace Enrolment.Gateway.Http;

/// <summary>The journey steps as the HTTP API spells them: "confirm-identity", "enter-code", …</summary>
public static class StepNames
{
    public static string Of(JourneyStep step) => step switch
    {
        JourneyStep.ConfirmIdentity => "confirm-identity",
        JourneyStep.ConfirmPhone => "confirm-phone",
        JourneyStep.ChooseChannel => "choose-channel",
        JourneyStep.EnterPhone => "enter-phone",
        JourneyStep.MemberNumber => "member-number",
        JourneyStep.EnterCode => "enter-code",
        JourneyStep.CreatePassword => "create-password",
        JourneyStep.Completed => "completed",
        JourneyStep.LetterSent => "letter-sent",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
