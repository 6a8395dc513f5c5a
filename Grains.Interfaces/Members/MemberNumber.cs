using System.Diagnostics.CodeAnalysis;

namespace Enrolment.Grains.Interfaces.Members;

/// <summary>
/// A member number as the insurer prints it (<c>XXXXXXXX.XX</c>), normalised to exactly ten digits.
/// Always ten digits so that grain keys never collide in storage (a short hex-only key is read as a number).
/// </summary>
public static class MemberNumber
{
    public const int Length = 10;

    /// <summary>Accepts digits with optional dots and spaces; anything else, or not ten digits, is refused.</summary>
    public static bool TryNormalise(string? input, [NotNullWhen(true)] out string? memberNumber)
    {
        memberNumber = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 32)
        {
            return false;
        }

        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '.' or '\u00A0')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == Length)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count != Length)
        {
            return false;
        }

        memberNumber = new string(digits);
        return true;
    }

    /// <summary>The printed form, <c>12345678.90</c>.</summary>
    public static string Format(string memberNumber) => $"{memberNumber[..8]}.{memberNumber[8..]}";
}
