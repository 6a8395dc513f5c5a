using Enrolment.Gateway.Http.Shapes;

namespace Enrolment.Gateway.Sessions;

/// <summary>
/// Shape checks of the calls that must first check who is calling (a first-login id, a session): the framework's
/// validation would run before that, and answer a 400 where today's answer is a 401 or 404. Same rules as the
/// attributes of the other bodies; a refused shape costs no attempt and changes nothing.
/// </summary>
public static class SessionInput
{
    public static Dictionary<string, string[]> CheckFirstLogin(FirstLoginRequestBody? request, out string email)
    {
        var errors = new Dictionary<string, string[]>();
        if (IdentityValidation.EmailProblem(request?.Email) is { } emailProblem)
        {
            errors["email"] = [emailProblem];
        }
        else if (IdentityValidation.ConfirmationProblem(request!.Email, request.EmailConfirmation) is { } confirmationProblem)
        {
            errors["emailConfirmation"] = [confirmationProblem];
        }

        email = request?.Email?.Trim() ?? "";
        CheckNewPassword(request?.Password, request?.PasswordConfirmation, errors);
        return errors;
    }

    /// <summary>Only presence and size here: the password rules themselves are the grain's, with the member's data.</summary>
    public static void CheckNewPassword(string? password, string? confirmation, Dictionary<string, string[]> errors)
    {
        if (!SecretShapeAttribute.Fits(password))
        {
            errors["password"] = [SecretShapeAttribute.PasswordMissing];
        }
        else if (ConfirmsSecretAttribute.ProblemOf(password, confirmation) is { } problem)
        {
            errors["passwordConfirmation"] = [problem];
        }
    }
}
