using Enrolment.Gateway.Enrolments;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.Sessions;

/// <summary>Shape checks before any grain is called: a refused shape costs no attempt and changes nothing.</summary>
public static class SessionInput
{
    public const int MaxSecretLength = 256;

    public static Dictionary<string, string[]> CheckSignIn(SignInRequest? request, out string memberNumber)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MemberNumber.TryNormalise(request?.MemberNumber, out var normalised))
        {
            errors["memberNumber"] = ["L'identifiant compte 10 chiffres (XXXXXXXX.XX)."];
        }

        if (!IsSecret(request?.Secret))
        {
            errors["secret"] = ["Saisissez votre mot de passe ou votre code d'accès provisoire."];
        }

        memberNumber = normalised ?? "";
        return errors;
    }

    public static Dictionary<string, string[]> CheckFirstLogin(FirstLoginRequestBody? request, out string email)
    {
        var errors = new Dictionary<string, string[]>();
        email = IdentityValidation.Email(request?.Email, request?.EmailConfirmation, errors) ?? "";
        CheckNewPassword(request?.Password, request?.PasswordConfirmation, errors);
        return errors;
    }

    /// <summary>Only presence and size here: the password rules themselves are the grain's, with the member's data.</summary>
    public static void CheckNewPassword(string? password, string? confirmation, Dictionary<string, string[]> errors)
    {
        if (!IsSecret(password))
        {
            errors["password"] = ["Saisissez un mot de passe."];
        }
        else if (confirmation is not { Length: <= MaxSecretLength })
        {
            errors["passwordConfirmation"] = ["Confirmez le mot de passe."];
        }
    }

    private static bool IsSecret(string? value) => value is { Length: > 0 and <= MaxSecretLength };
}
