using Enrolment.Gateway.Enrolments;
using Enrolment.Gateway.Sessions;
using Enrolment.Grains.Interfaces.Members;

namespace Enrolment.Gateway.PasswordResets;

/// <summary>Shape checks of the lost-password calls; nothing here says whether the number exists.</summary>
public static class ResetInput
{
    public static Dictionary<string, string[]> CheckStart(ResetStartRequest? request, DateOnly today, out string memberNumber, out DateOnly birthDate)
    {
        var errors = new Dictionary<string, string[]>();
        if (!MemberNumber.TryNormalise(request?.MemberNumber, out var normalised))
        {
            errors["memberNumber"] = ["L'identifiant compte 10 chiffres (XXXXXXXX.XX)."];
        }

        birthDate = IdentityValidation.BirthDate(request?.BirthDate, today, errors) ?? default;
        memberNumber = normalised ?? "";
        return errors;
    }

    public static Dictionary<string, string[]> CheckCode(ResetCodeRequest? request, out string code)
    {
        code = request?.Code?.Trim() ?? "";
        return code is { Length: 6 } && code.All(char.IsAsciiDigit)
            ? []
            : new() { ["code"] = ["Le code compte 6 chiffres."] };
    }

    public static Dictionary<string, string[]> CheckPassword(ResetPasswordRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        SessionInput.CheckNewPassword(request?.Password, request?.PasswordConfirmation, errors);
        return errors;
    }
}
