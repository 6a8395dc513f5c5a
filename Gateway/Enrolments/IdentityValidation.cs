using System.Globalization;
using System.Text.RegularExpressions;
using Enrolment.Grains.Interfaces.Directory;

namespace Enrolment.Gateway.Enrolments;

/// <summary>What step 1 needs, once its fields have the right shape.</summary>
public sealed record ValidIdentity(IdentityQuery Query, string Email, bool Newsletter);

/// <summary>
/// The shape of step 1's fields, checked before the directory is asked: names of letters (accents allowed),
/// spaces, hyphens and apostrophes; a real birth date between 1900 and yesterday; a plausible e-mail typed twice.
/// </summary>
public static partial class IdentityValidation
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static ValidIdentity? Validate(IdentityRequest? request, DateOnly today, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (request is null)
        {
            errors["body"] = ["Le corps de la requête doit être un objet JSON."];
            return null;
        }

        var lastName = Name(request.LastName, "lastName", errors);
        var firstName = Name(request.FirstName, "firstName", errors);
        var birthDate = BirthDate(request.BirthDate, today, errors);
        var email = Email(request.Email, request.EmailConfirmation, errors);
        return errors.Count > 0 ? null
            : new ValidIdentity(new IdentityQuery(lastName!, firstName!, birthDate!.Value), email!, request.Newsletter ?? false);
    }

    private static string? Name(string? value, string field, Dictionary<string, string[]> errors)
    {
        var name = value?.Trim();
        string? problem = name switch
        {
            null or "" => "Ce champ est obligatoire.",
            { Length: > MaxNameLength } => $"{MaxNameLength} caractères au plus.",
            _ when value!.Any(char.IsControl) => "Les caractères de contrôle ne sont pas acceptés.",
            _ when !NamePattern().IsMatch(name) => "Lettres, espaces, tirets et apostrophes uniquement.",
            _ => null,
        };
        return Check(problem, name, field, errors);
    }

    internal static DateOnly? BirthDate(string? value, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors["birthDate"] = ["Ce champ est obligatoire."];
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors["birthDate"] = ["Une date réelle au format AAAA-MM-JJ est attendue."];
            return null;
        }

        if (date < EarliestBirthDate || date >= today)
        {
            errors["birthDate"] = ["La date de naissance doit être passée et postérieure à 1900."];
            return null;
        }

        return date;
    }

    internal static string? Email(string? value, string? confirmation, Dictionary<string, string[]> errors)
    {
        var email = value?.Trim();
        string? problem = email switch
        {
            null or "" => "Ce champ est obligatoire.",
            { Length: > MaxEmailLength } => $"{MaxEmailLength} caractères au plus.",
            _ when value!.Any(char.IsControl) => "Les caractères de contrôle ne sont pas acceptés.",
            _ when !EmailPattern().IsMatch(email) => "Une adresse e-mail valide est attendue (nom@domaine.fr).",
            _ => null,
        };
        if (Check(problem, email, "email", errors) is null)
        {
            return null;
        }

        if (!string.Equals(email, confirmation?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            errors["emailConfirmation"] = ["Les deux adresses e-mail ne sont pas identiques."];
            return null;
        }

        return email;
    }

    private static string? Check(string? problem, string? value, string field, Dictionary<string, string[]> errors)
    {
        if (problem is null)
        {
            return value;
        }

        errors[field] = [problem];
        return null;
    }

    // Letters of any script (with their accents), separated by spaces, hyphens or apostrophes; no digit, no control.
    [GeneratedRegex(@"^\p{L}[\p{L}\p{M} '’\-]*\z")]
    private static partial Regex NamePattern();

    // Plausible, not RFC-complete: one @, a dotted domain, no spaces or control characters.
    [GeneratedRegex(@"^[^\s@\p{C}]+@[^\s@\p{C}]+\.[^\s@\p{C}]{2,}\z")]
    private static partial Regex EmailPattern();
}
