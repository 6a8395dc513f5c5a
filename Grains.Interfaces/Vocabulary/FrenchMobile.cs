using System.Diagnostics.CodeAnalysis;

namespace Enrolment.Grains.Interfaces.Vocabulary;

/// <summary>
/// French mobile numbers as the product keeps them: ten digits, 06… or 07…. How to read one a directory or a
/// member wrote, how a member may see it, what logs may say of it, and how SMS providers want it.
/// </summary>
public static class FrenchMobile
{
    public static bool IsValid(string? phone) =>
        phone is { Length: 10 } && phone.All(char.IsAsciiDigit) && (phone.StartsWith("06", StringComparison.Ordinal) || phone.StartsWith("07", StringComparison.Ordinal));

    /// <summary>Ten digits from a number as written ("06 39 98 37 08", "+33 6 39…"); null when it has no digit.</summary>
    public static string? Normalise(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (phone.TrimStart().StartsWith('+') && digits.StartsWith("33", StringComparison.Ordinal) && digits.Length == 11)
        {
            return "0" + digits[2..];
        }

        return digits.Length == 0 ? null : digits;
    }

    /// <summary>
    /// A number as a member types it ("06 12 34 56 78", "06.12…", "+33 6…", "0033 7…"): digits and separators only,
    /// and a mobile once read. Stricter than <see cref="Normalise"/>, which reads what a directory wrote.
    /// </summary>
    public static bool TryReadTyped(string? typed, [NotNullWhen(true)] out string? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 32)
        {
            return false;
        }

        var trimmed = typed.Trim();
        var international = trimmed.StartsWith('+');
        var body = international ? trimmed[1..] : trimmed;
        if (body.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '\u00A0')))
        {
            return false;
        }

        var digits = new string([.. body.Where(char.IsAsciiDigit)]);
        var national = international ? (digits.StartsWith("33", StringComparison.Ordinal) ? "0" + digits[2..] : null)
            : digits.StartsWith("0033", StringComparison.Ordinal) ? "0" + digits[4..]
            : digits;
        phone = IsValid(national) ? national : null;
        return phone is not null;
    }

    /// <summary>The number normalised when it is a French mobile; null otherwise (codes cannot go to a landline).</summary>
    public static string? MobileOrNull(string? phone) => Normalise(phone) is { } digits && IsValid(digits) ? digits : null;

    /// <summary>What a member may see: "0639983708" → "XX XX XX 37 08", only the last four digits.</summary>
    public static string Mask(string phone) =>
        phone.Length < 4 ? "XX XX XX XX XX" : MaskWithLastFour(phone[^4..]);

    /// <summary>The member's mask of a number ending in <paramref name="lastFour"/> (a decoy's are drawn, not read).</summary>
    public static string MaskWithLastFour(string lastFour) => $"XX XX XX {lastFour[..2]} {lastFour[2..]}";

    /// <summary>What logs may say: "0639983708" → "06******08"; too short to keep anything → all stars.</summary>
    public static string MaskForLogs(string phone) =>
        phone.Length < 6
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 2), new string('*', phone.Length - 4), phone.AsSpan(phone.Length - 2));

    /// <summary>As SMS providers want it (E.164): "0639983708" → "+33639983708"; anything else is kept as is.</summary>
    public static string ToInternational(string phone) =>
        phone.Length == 10 && phone[0] == '0' && phone.All(char.IsAsciiDigit) ? string.Concat("+33", phone.AsSpan(1)) : phone;
}
