using System.Globalization;
using Enrolment.Gateway.Sessions;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.PasswordResets;

/// <summary>Shape checks of the lost-password calls; nothing here says whether the number exists.</summary>
public static class ResetInput
{
    public static Dictionary<string, string[]>? CheckStart(ResetStartBody body, out string memberNumber, out DateOnly birthDate)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MemberNumber.TryNormalise(body.MemberNumber, out var normalised))
        {
            errors["memberNumber"] = ["L'identifiant comporte 10 chiffres (XXXXXXXX.XX)."];
        }

        if (body.BirthDate is not { Length: 10 }
            || !DateOnly.TryParseExact(body.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1900)
        {
            birthDate = default;
            errors["birthDate"] = ["Saisissez votre date de naissance (AAAA-MM-JJ)."];
        }

        memberNumber = normalised ?? "";
        return errors.Count == 0 ? null : errors;
    }

    public static Dictionary<string, string[]>? CheckCode(ResetCodeBody body)
    {
        var code = body.Code?.Trim();
        return code is { Length: 6 } && code.All(char.IsAsciiDigit)
            ? null
            : new() { ["code"] = ["Le code comporte 6 chiffres."] };
    }

    public static Dictionary<string, string[]>? CheckPassword(ResetPasswordBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (!SessionInput.IsPlainText(body.Password, SessionInput.MaxSecretLength))
        {
            errors["password"] = ["Saisissez un mot de passe."];
        }
        else if (body.Password != body.PasswordConfirmation)
        {
            errors["passwordConfirmation"] = ["Les deux mots de passe ne sont pas identiques."];
        }

        return errors.Count == 0 ? null : errors;
    }
}
