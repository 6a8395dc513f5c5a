namespace Enrolment.Gateway.Enrolments;

// Bodies as sent by the wizard. Every member is nullable so that a missing field gets a worded 400, not a guess.

public sealed record IdentityRequest(
    string? LastName, string? FirstName, string? BirthDate, string? Email, string? EmailConfirmation, bool? Newsletter);

/// <summary>For the steps whose body is <c>{}</c>: anything else in it is refused.</summary>
public sealed record EmptyRequest;

public sealed record PhoneConfirmationRequest(bool? IsMine);

public sealed record ChannelRequest(string? Channel);

public sealed record PhoneRequest(string? Phone, string? PhoneConfirmation, bool? PhoneMarketingOptOut);

public sealed record MemberNumberRequest(string? MemberNumber);

public sealed record CodeRequest(string? Code);

public sealed record PasswordRequest(string? Password, string? PasswordConfirmation);
