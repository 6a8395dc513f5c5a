using System.Diagnostics.CodeAnalysis;

namespace Enrolment.Gateway.Enrolments;

/// <summary>
/// A French mobile number as people type it (<c>06 12 34 56 78</c>, <c>06.12…</c>, <c>+33 6…</c>, <c>0033 7…</c>),
/// normalised to ten digits starting 06 or 07.
/// </summary>
public static class FrenchMobile
{
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        var trimmed = input.Trim();
        var international = trimmed.StartsWith('+');
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        if (trimmed.Skip(international ? 1 : 0).Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '\u00A0')))
        {
            return false;
        }

        var national = international ? (digits.StartsWith("33", StringComparison.Ordinal) ? "0" + digits[2..] : null)
            : digits.StartsWith("0033", StringComparison.Ordinal) ? "0" + digits[4..]
            : digits;
        if (national is not { Length: 10 } || !(national.StartsWith("06", StringComparison.Ordinal) || national.StartsWith("07", StringComparison.Ordinal)))
        {
            return false;
        }

        phone = national;
        return true;
    }
}
