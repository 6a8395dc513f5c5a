namespace Enrolment.Grains.Interfaces.Vocabulary;

/// <summary>The e-mail rule: what is kept is trimmed, at most 254 characters, has an '@' and no control character.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static string Normalise(string? email) => email?.Trim() ?? "";

    public static bool IsValid(string? email) =>
        Normalise(email) is { Length: > 0 and <= MaxLength } trimmed
        && trimmed.Contains('@', StringComparison.Ordinal)
        && !trimmed.Any(char.IsControl);
}
