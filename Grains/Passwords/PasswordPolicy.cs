using System.Globalization;
using Enrolment.Grains.Members;

namespace Enrolment.Grains.Passwords;

/// <summary>
/// The password rules (docs/accounts.md). Every failing rule is named, in French, under the field it concerns
/// (<c>password</c> or <c>passwordConfirmation</c>), so the wizard can show them all at once.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 64;
    public const string PasswordField = "password";
    public const string ConfirmationField = "passwordConfirmation";

    /// <summary>Name parts shorter than this are too common inside words to forbid.</summary>
    private const int MinNamePart = 3;

    /// <summary>The broken rules by field; empty when the password is acceptable.</summary>
    public static IReadOnlyDictionary<string, string[]> Check(string? password, string? confirmation, PasswordOwner owner)
    {
        var problems = new List<string>();
        password ??= "";
        if (password.Length is < MinLength or > MaxLength)
        {
            problems.Add($"Le mot de passe doit comporter entre {MinLength} et {MaxLength} caractères.");
        }

        if (!password.All(char.IsAsciiLetterOrDigit))
        {
            problems.Add("Le mot de passe ne doit contenir que des lettres et des chiffres (pas de caractères spéciaux ni d'accents).");
        }

        var lower = password.ToLowerInvariant();
        if (lower.Length > 0 && lower.Contains(owner.MemberNumber, StringComparison.Ordinal))
        {
            problems.Add("Le mot de passe ne doit pas contenir votre identifiant.");
        }

        if (BirthDateForms(owner.BirthDate).Any(form => lower.Contains(form, StringComparison.Ordinal)))
        {
            problems.Add("Le mot de passe ne doit pas contenir votre date de naissance.");
        }

        if (NameParts(owner.LastName).Any(part => lower.Contains(part, StringComparison.Ordinal)))
        {
            problems.Add("Le mot de passe ne doit pas contenir votre nom.");
        }

        if (CommonPasswords.Contains(password))
        {
            problems.Add("Ce mot de passe fait partie des plus courants : choisissez-en un autre.");
        }

        var errors = new Dictionary<string, string[]>();
        if (problems.Count > 0)
        {
            errors[PasswordField] = [.. problems];
        }

        if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            errors[ConfirmationField] = ["Les deux mots de passe ne sont pas identiques."];
        }

        return errors;
    }

    private static IEnumerable<string> BirthDateForms(DateOnly birthDate)
    {
        yield return birthDate.ToString("ddMMyyyy", CultureInfo.InvariantCulture);
        yield return birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>"D'ARCY" → "darcy", "arcy"; "COMET" → "comet".</summary>
    private static IEnumerable<string> NameParts(string lastName)
    {
        var key = NameKey.Normalise(lastName);
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Append(string.Concat(words)).Where(part => part.Length >= MinNamePart).Distinct();
    }
}

/// <summary>Who the password is for: what it must not contain.</summary>
public sealed record PasswordOwner(string MemberNumber, DateOnly BirthDate, string LastName);
