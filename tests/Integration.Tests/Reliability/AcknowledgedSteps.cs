using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.LoadTest.Metrics;
using StepNames = Enrolment.LoadTest.Metrics.StepNames;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>What an acknowledged step promises about the stored journey: it stands at least that far.</summary>
public static class AcknowledgedSteps
{
    /// <summary>
    /// The earliest stored step compatible with a step answered with success (the journey's steps are ordered as the
    /// enum; where two paths branch, the earlier branch). Null for a step this check does not know.
    /// </summary>
    public static JourneyStep? AtLeast(string acknowledged) => acknowledged switch
    {
        StepNames.Start => JourneyStep.ConfirmIdentity,
        StepNames.IdentityConfirmation => JourneyStep.ConfirmPhone,
        StepNames.PhoneConfirmation => JourneyStep.ChooseChannel,
        StepNames.Channel => JourneyStep.EnterPhone,
        StepNames.Phone => JourneyStep.MemberNumber,
        StepNames.MemberNumber => JourneyStep.EnterCode,
        StepNames.MemberNumberLetter => JourneyStep.LetterSent,
        StepNames.Code => JourneyStep.CreatePassword,
        StepNames.Password => JourneyStep.Completed,
        StepNames.FirstLogin => JourneyStep.LetterSent,
        _ => null,
    };

    /// <summary>Why the stored state does not honour what the member was told, or null when it does.</summary>
    public static string? Broken(string acknowledged, StoredEnrolment? enrolment, StoredAccount? account)
    {
        if (AtLeast(acknowledged) is not { } least)
        {
            return null;
        }

        if (enrolment?.Step is not { } step)
        {
            return "no journey stored";
        }

        if (step < least)
        {
            return $"stored at {step}, acknowledged {acknowledged}";
        }

        return acknowledged switch
        {
            StepNames.Password when account is not { HasPassword: true } => "password acknowledged, no account with a password",
            StepNames.FirstLogin when account is not { HasPassword: true, HasProvisionalCode: false } =>
                "first login acknowledged, account still on its provisional code",
            _ => null,
        };
    }
}
