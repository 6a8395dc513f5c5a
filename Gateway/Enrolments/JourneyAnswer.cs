namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// A journey as the browser sees it at its current step: the identity only while it is being confirmed, the
/// masked phone while it matters, when the code expires and how many digits it has. Never the member number, the full phone or a code.
/// </summary>
public sealed record JourneyAnswer(
    string EnrolmentId, string Step, IdentityAnswer? Identity, string? MaskedPhone, DateTime? CodeExpiresAt, int? CodeLength)
{
    public static JourneyAnswer From(string enrolmentId, JourneyView view) => new(
        enrolmentId,
        StepNames.Of(view.Step),
        view.Step == JourneyStep.ConfirmIdentity ? new IdentityAnswer(view.FullName, view.Address) : null,
        view.Step is JourneyStep.ConfirmPhone or JourneyStep.EnterCode ? view.MaskedPhone : null,
        view.Step == JourneyStep.EnterCode ? view.CodeExpiresAt?.UtcDateTime : null,
        view.Step == JourneyStep.EnterCode ? view.CodeLength : null);
}

public sealed record IdentityAnswer(string FullName, string Address);
