using System.Globalization;
using System.Text.RegularExpressions;

namespace Enrolment.Silo.Members.Import;

/// <summary>
/// One value of the member file read into the form the directory keeps, or the problem that refuses it. Every
/// method answers null and sets its value when the text is good, or answers the problem in the file's words.
/// </summary>
public static partial class MemberFields
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>Trimmed, line breaks inside a quoted value read as spaces; other control characters refused.</summary>
    public static string? Text(string raw, int maxLength, bool required, out string text)
    {
        text = LineBreaks().Replace(raw, " ").Trim();
        if (text.Any(char.IsControl))
        {
            return "control character";
        }

        if (text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return "not UTF-8 text";
        }

        if (text.Length > maxLength)
        {
            return $"longer than {maxLength} characters";
        }

        return required && text.Length == 0 ? "empty" : null;
    }

    /// <summary><c>12345678.90</c> or <c>1234567890</c>, kept as ten digits.</summary>
    public static string? MemberNumber(string text, out string memberNumber)
    {
        memberNumber = text.Replace(".", "", StringComparison.Ordinal);
        return PrintedMemberNumber().IsMatch(text) ? null : "not a member number (XXXXXXXX.XX or 10 digits)";
    }

    /// <summary>A name must hold a letter, or the identity search could never find it.</summary>
    public static string? Name(string text) =>
        Grains.Members.NameKey.Normalise(text).Length == 0 ? "no letter" : null;

    /// <summary><c>jj/mm/aaaa</c> or <c>aaaa-mm-jj</c>, a day that exists, from 1900 to today.</summary>
    public static string? BirthDate(string text, DateOnly today, out DateOnly birthDate)
    {
        if (!DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate))
        {
            return DateShape().IsMatch(text) ? "impossible date" : "not a date (jj/mm/aaaa or aaaa-mm-jj)";
        }

        return birthDate < Earliest || birthDate > today ? "impossible date" : null;
    }

    /// <summary>Five digits: a code that lost its leading zero in a spreadsheet (6000 for 06000) is refused.</summary>
    public static string? PostalCode(string text) =>
        FrenchPostalCode().IsMatch(text) ? null : "not a French postal code (5 digits)";

    /// <summary>Any French way of writing it (<c>06 39…</c>, <c>+33 6…</c>, <c>+33 (0)6…</c>, <c>0033…</c>, dots, dashes), kept as ten digits; empty is none.</summary>
    public static string? Phone(string text, out string? phone)
    {
        phone = null;
        if (text.Length == 0)
        {
            return null;
        }

        if (PhoneCharacters().IsMatch(text) is false)
        {
            return "not a French phone number";
        }

        var digits = new string([.. text.Replace("(0)", "", StringComparison.Ordinal).Where(char.IsAsciiDigit)]);
        var national = digits switch
        {
            { Length: 11 } when digits.StartsWith("33", StringComparison.Ordinal) && text.StartsWith('+') => "0" + digits[2..],
            { Length: 13 } when digits.StartsWith("0033", StringComparison.Ordinal) => "0" + digits[4..],
            _ => digits,
        };
        if (national.Length != 10 || national[0] != '0' || national[1] == '0')
        {
            return "not a French phone number";
        }

        phone = national;
        return null;
    }

    [GeneratedRegex(@"\r\n?|\n")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"^(?:[0-9]{8}\.[0-9]{2}|[0-9]{10})$")]
    private static partial Regex PrintedMemberNumber();

    [GeneratedRegex(@"^(?:[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})$")]
    private static partial Regex DateShape();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex FrenchPostalCode();

    [GeneratedRegex(@"^\+?[0-9 .\-()]+$")]
    private static partial Regex PhoneCharacters();
}
