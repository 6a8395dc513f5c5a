using System.Globalization;
using System.Text;

namespace Enrolment.Grains.Members;

/// <summary>
/// The form in which names are compared: lower case, no accents, hyphens and apostrophes as spaces,
/// one space between words. "Marie-Hélène" and "marie  helene" give the same key; "D'ARCY" and "d arcy" too.
/// </summary>
public static class NameKey
{
    public static string Normalise(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && key.Length > 0)
                {
                    key.Append(' ');
                }

                pendingSpace = false;
                key.Append(char.ToLowerInvariant(Fold(c)));
            }
            else
            {
                // Hyphens, apostrophes (straight or typographic), dots and spaces all separate words.
                pendingSpace = true;
            }
        }

        return key.ToString();
    }

    /// <summary>Letters that do not decompose into a base letter and an accent.</summary>
    private static char Fold(char c) => c switch
    {
        'ø' or 'Ø' => 'o',
        'ł' or 'Ł' => 'l',
        'đ' or 'Đ' => 'd',
        _ => c,
    };
}
