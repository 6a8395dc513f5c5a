namespace Enrolment.Grains.Enrolments;

/// <summary>French mobile numbers as the journey keeps them: ten digits, 06… or 07….</summary>
public static class PhoneNumbers
{
    public static bool IsFrenchMobile(string? phone) =>
        phone is { Length: 10 } && phone.All(char.IsAsciiDigit) && (phone.StartsWith("06", StringComparison.Ordinal) || phone.StartsWith("07", StringComparison.Ordinal));

    /// <summary>
    /// Ten digits from a number as a directory or a member wrote it ("06 39 98 37 08", "+33 6 39…"); null when empty.
    /// </summary>
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

    /// <summary>The number normalised when it is a French mobile; null otherwise (codes cannot go to a landline).</summary>
    public static string? MobileOrNull(string? phone) => Normalise(phone) is { } digits && IsFrenchMobile(digits) ? digits : null;

    /// <summary>"0639983708" → "XX XX XX 37 08": only the last four digits show.</summary>
    public static string Mask(string phone) =>
        phone.Length < 4 ? "XX XX XX XX XX" : $"XX XX XX {phone[^4..^2]} {phone[^2..]}";
}
