using System.Globalization;
using System.Text.RegularExpressions;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// The shape of identity fields, checked before the directory is asked: names of letters (accents allowed),
/// spaces, hyphens and apostrophes; a real birth date between 1900 and yesterday; a plausible e-mail typed twice.
/// Each rule answers what is wrong, or null.
/// </summary>
public static partial class IdentityValidation
{
    public const int MaxNameLength = 100;
    public const int MaxEmailLength = 254;
    public const string BirthDateFormat = "yyyy-MM-dd";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static string? NameProblem(string? value) => value?.Trim() switch
    {
        null or "" => "Ce champ est obligatoire.",
        { Length: > MaxNameLength } => $"{MaxNameLength} caractères au plus.",
        _ when value.Any(char.IsControl) => "Les caractères de contrôle ne sont pas acceptés.",
        var name when !NamePattern().IsMatch(name) => "Lettres, espaces, tirets et apostrophes uniquement.",
        _ => null,
    };

    public static string? BirthDateProblem(string? value, DateOnly today)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "Ce champ est obligatoire.";
        }

        if (ReadBirthDate(value) is not { } date)
        {
            return "Une date réelle au format AAAA-MM-JJ est attendue.";
        }

        return date < EarliestBirthDate || date >= today ? "La date de naissance doit être passée et postérieure à 1900." : null;
    }

    /// <summary>The date of a birth date whose shape was checked (<see cref="BirthDateProblem"/>).</summary>
    public static DateOnly? ReadBirthDate(string? value) =>
        DateOnly.TryParseExact(value, BirthDateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? EmailProblem(string? value) => value?.Trim() switch
    {
        null or "" => "Ce champ est obligatoire.",
        { Length: > MaxEmailLength } => $"{MaxEmailLength} caractères au plus.",
        _ when value.Any(char.IsControl) => "Les caractères de contrôle ne sont pas acceptés.",
        var email when !EmailPattern().IsMatch(email) => "Une adresse e-mail valide est attendue (nom@domaine.fr).",
        _ => null,
    };

    /// <summary>Said only once the e-mail itself has the right shape.</summary>
    public static string? ConfirmationProblem(string? email, string? confirmation) =>
        EmailProblem(email) is not null || string.Equals(email!.Trim(), confirmation?.Trim(), StringComparison.OrdinalIgnoreCase)
            ? null
            : "Les deux adresses e-mail ne sont pas identiques.";

    // Letters of any script (with their accents), separated by spaces, hyphens or apostrophes; no digit, no control.
    [GeneratedRegex(@"^\p{L}[\p{L}\p{M} '’\-]*\z")]
    private static partial Regex NamePattern();

    // Plausible, not RFC-complete: one @, a dotted domain, no spaces or control characters.
    [GeneratedRegex(@"^[^\s@\p{C}]+@[^\s@\p{C}]+\.[^\s@\p{C}]{2,}\z")]
    private static partial Regex EmailPattern();
}
