namespace Enrolment.Grains.Interfaces.Operations;

/// <summary>
/// Development only: what the development SMS and letter senders recorded, newest first, so that a person
/// trying the wizard locally, the browser tests and the load generator can read codes. A stateless worker (key 0).
/// </summary>
public interface IDevOutboxGrain : IGrainWithIntegerKey
{
    Task<IReadOnlyList<SentSms>> ListSms(string to, int limit);

    Task<IReadOnlyList<SentLetter>> ListLetters(string memberNumber, int limit);
}

[GenerateSerializer, Immutable]
public sealed record SentSms(
    [property: Id(0)] string To,
    [property: Id(1)] string Text,
    [property: Id(2)] DateTimeOffset SentAt)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"SentSms {{ SentAt = {SentAt:O} }}";
}

[GenerateSerializer, Immutable]
public sealed record SentLetter(
    [property: Id(0)] string MemberNumber,
    [property: Id(1)] string RecipientName,
    [property: Id(2)] string Address,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset SentAt)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no personal data or secret.</summary>
    public override string ToString() => $"SentLetter {{ SentAt = {SentAt:O} }}";
}
