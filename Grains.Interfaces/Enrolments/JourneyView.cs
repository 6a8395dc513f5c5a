namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>
/// What the member may see of their journey at its current step: never the member number,
/// the full phone number, a code or a hash. A code screen also says how many digits the code has.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record JourneyView(
    [property: Id(0)] Guid JourneyId,
    [property: Id(1)] JourneyStep Step,
    [property: Id(2)] string FullName,
    [property: Id(3)] string Address,
    [property: Id(4)] string? MaskedPhone,
    [property: Id(5)] DateTimeOffset? CodeExpiresAt,
    [property: Id(6)] int? CodeLength = null)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"JourneyView {{ JourneyId = {JourneyId}, Step = {Step} }}";
}
