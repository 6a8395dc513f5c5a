using System.Text;

namespace Enrolment.Integration.Tests.Import;

/// <summary>Member files as an insurer's export writes them: a byte order mark, CRLF, the header first.</summary>
public static class MemberFiles
{
    public const string Header = "numero_adherent;nom;prenoms;date_naissance;adresse;code_postal;ville;portable";

    /// <summary>The header then the rows, joined by CRLF, in UTF-8 with a BOM, in a new temporary file.</summary>
    public static string Write(params string[] rows) => WriteText(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    public static string WriteText(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"members-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }

    /// <summary>A member number no other test uses, as the insurer prints it.</summary>
    public static string NewMemberNumber()
    {
        var digits = "7" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{digits[..8]}.{digits[8..]}";
    }
}
