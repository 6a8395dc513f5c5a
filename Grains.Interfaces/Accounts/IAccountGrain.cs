namespace Enrolment.Grains.Interfaces.Accounts;

/// <summary>
/// A member's credentials once enrolled, keyed by the normalised ten-digit member number.
/// Created by the enrolment; used by sign-in, first login and lost password.
/// </summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<bool> Exists();

    /// <summary>Creates the account at the end of an enrolment; a second call with the same enrolment is a no-op.</summary>
    Task Create(NewAccount account);
}

/// <summary>
/// What an enrolment hands over: exactly one of a password hash (SMS path) or a provisional code hash
/// (letter path), plus the contact choices the member made.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NewAccount(
    [property: Id(0)] Guid EnrolmentJourneyId,
    [property: Id(1)] string FullName,
    [property: Id(2)] string Email,
    [property: Id(3)] bool Newsletter,
    [property: Id(4)] DateTimeOffset? NewsletterConsentAt,
    [property: Id(5)] bool PhoneMarketingOptOut,
    [property: Id(6)] string? NewPhone,
    [property: Id(7)] string? PasswordHash,
    [property: Id(8)] string? ProvisionalCodeHash,
    [property: Id(9)] DateTimeOffset? ProvisionalCodeExpiresAt);
