using System.Net.Mail;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.Sessions;

/// <summary>Shape checks before any grain is called: a refused shape costs no attempt and changes nothing.</summary>
public static class SessionInput
{
    public const int MaxSecretLength = 128;
    public const int MaxEmailLength = 254;

    public static Dictionary<string, string[]>? CheckSignIn(SignInBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MemberNumber.TryNormalise(body.MemberNumber, out _))
        {
            errors["memberNumber"] = ["L'identifiant comporte 10 chiffres (XXXXXXXX.XX)."];
        }

        if (!IsPlainText(body.Secret, MaxSecretLength))
        {
            errors["secret"] = ["Saisissez votre mot de passe ou votre code d'accès provisoire."];
        }

        return errors.Count == 0 ? null : errors;
    }

    public static Dictionary<string, string[]>? CheckFirstLogin(FirstLoginBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!IsEmail(body.Email))
        {
            errors["email"] = ["Saisissez une adresse e-mail valide."];
        }
        else if (!string.Equals(body.Email!.Trim(), body.EmailConfirmation?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors["emailConfirmation"] = ["Les deux adresses e-mail ne sont pas identiques."];
        }

        if (!IsPlainText(body.Password, MaxSecretLength))
        {
            errors["password"] = ["Saisissez un mot de passe."];
        }
        else if (body.Password != body.PasswordConfirmation)
        {
            errors["passwordConfirmation"] = ["Les deux mots de passe ne sont pas identiques."];
        }

        return errors.Count == 0 ? null : errors;
    }

    public static bool IsPlainText(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && !value.Any(char.IsControl);

    public static bool IsEmail(string? value)
    {
        var email = value?.Trim();
        return IsPlainText(email, MaxEmailLength)
            && MailAddress.TryCreate(email, out var parsed)
            && parsed.Address == email
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
