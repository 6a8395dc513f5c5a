using System.Globalization;
using System.Text;

namespace Enrolment.Grains.Members;

/// <summary>
/// The form in which names are compared: lower case, no accents, hyphens and apostrophes as spaces,
/// one space between words, ligatures and stroked letters spelt out. "Marie-Hélène" and "marie  helene" give the same
/// key; "D'ARCY" and "d arcy" too; "Cœur" and "Coeur" too. Migration 0005 recomputes keys stored before the ligatures.
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
                AppendFolded(key, char.ToLowerInvariant(c));
            }
            else
            {
                // Hyphens, apostrophes (straight or typographic), dots and spaces all separate words.
                pendingSpace = true;
            }
        }

        return key.ToString();
    }

    /// <summary>Lower-case letters that do not decompose into a base letter and an accent, as a French keyboard types them.</summary>
    private static void AppendFolded(StringBuilder key, char c)
    {
        var spelt = c switch
        {
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            'ø' => "o",
            'ł' => "l",
            'đ' => "d",
            _ => null,
        };
        if (spelt is null)
        {
            key.Append(c);
        }
        else
        {
            key.Append(spelt);
        }
    }
}
