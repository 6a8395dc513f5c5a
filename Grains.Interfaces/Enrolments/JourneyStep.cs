namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>Where a journey stands; the HTTP API spells these in kebab case ("confirm-identity").</summary>
public enum JourneyStep
{
    ConfirmIdentity,
    ConfirmPhone,
    ChooseChannel,
    EnterPhone,
    MemberNumber,
    EnterCode,
    CreatePassword,
    Completed,
    LetterSent,
}

public enum DeliveryChannel
{
    Sms,
    Letter,
}
