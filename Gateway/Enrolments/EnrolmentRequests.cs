using System.ComponentModel.DataAnnotations;
using Enrolment.Gateway.Http.Shapes;

namespace Enrolment.Gateway.Enrolments;

// Bodies as sent by the wizard. Every member is nullable so that a missing field gets a worded 400, not a guess;
// the attributes are their shape, checked by the framework's validation before any grain is called.

[BodyRequired]
public sealed record IdentityRequest(
    [property: PersonNameShape] string? LastName,
    [property: PersonNameShape] string? FirstName,
    [property: BirthDateShape] string? BirthDate,
    [property: EmailShape] string? Email,
    [property: ConfirmsEmail("Email")] string? EmailConfirmation,
    bool? Newsletter);

/// <summary>For the steps whose body is <c>{}</c>: anything else in it is refused.</summary>
public sealed record EmptyRequest;

public sealed record PhoneConfirmationRequest(
    [property: Required(ErrorMessage = "Indiquez si ce numéro est le vôtre (true ou false).")] bool? IsMine);

public sealed record ChannelRequest([property: ChannelShape] string? Channel);

public sealed record PhoneRequest(
    [property: FrenchMobileShape] string? Phone,
    [property: SameMobileAs("Phone")] string? PhoneConfirmation,
    bool? PhoneMarketingOptOut);

public sealed record MemberNumberRequest([property: MemberNumberShape] string? MemberNumber);

public sealed record CodeRequest([property: OneTimeCodeShape] string? Code);

public sealed record PasswordRequest(
    [property: SecretShape] string? Password,
    [property: ConfirmsSecret("Password")] string? PasswordConfirmation);
