namespace Enrolment.ApiClient;

// Bodies as the wizard sends them (camelCase on the wire).

/// <summary>POST /api/enrolments. <paramref name="BirthDate"/> is yyyy-MM-dd.</summary>
public sealed record IdentityRequest(
    string LastName, string FirstName, string BirthDate, string Email, string EmailConfirmation, bool Newsletter);

public sealed record PhoneConfirmationRequest(bool IsMine);

/// <summary><c>sms</c> or <c>letter</c>.</summary>
public sealed record ChannelRequest(string Channel);

public sealed record PhoneRequest(string Phone, string PhoneConfirmation, bool PhoneMarketingOptOut);

public sealed record MemberNumberRequest(string MemberNumber);

public sealed record CodeRequest(string Code);

public sealed record PasswordRequest(string Password, string PasswordConfirmation);

/// <summary>POST /api/sessions: the secret is the password or the provisional code of a letter.</summary>
public sealed record SignInRequest(string MemberNumber, string Secret);

public sealed record FirstLoginRequest(string Email, string EmailConfirmation, string Password, string PasswordConfirmation);

/// <summary>POST /api/password-resets. <paramref name="BirthDate"/> is yyyy-MM-dd.</summary>
public sealed record ResetStartRequest(string MemberNumber, string BirthDate);
