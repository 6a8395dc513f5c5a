using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Enrolment.Grains.Passwords;

/// <summary>
/// A stored Argon2id hash in the PHC string format, <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c>
/// (unpadded base64), so that each hash carries the parameters it was made with.
/// </summary>
internal sealed record Argon2Hash(int MemoryKib, int Passes, int Lanes, byte[] Salt, byte[] Hash)
{
    private const string Prefix = "$argon2id$v=19$";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}m={MemoryKib},t={Passes},p={Lanes}${Encode(Salt)}${Encode(Hash)}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out Argon2Hash? hash)
    {
        hash = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = text[Prefix.Length..].Split('$');
        if (parts.Length != 3)
        {
            return false;
        }

        int? m = null, t = null, p = null;
        foreach (var pair in parts[0].Split(','))
        {
            var (name, value) = (pair.Split('=') is [var n, var v] ? (n, v) : ("", ""));
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0)
            {
                return false;
            }

            switch (name)
            {
                case "m": m = number; break;
                case "t": t = number; break;
                case "p": p = number; break;
                default: return false;
            }
        }

        if (m is null || t is null || p is null || !TryDecode(parts[1], out var salt) || !TryDecode(parts[2], out var bytes))
        {
            return false;
        }

        hash = new Argon2Hash(m.Value, t.Value, p.Value, salt, bytes);
        return true;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, [NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = null;
        if (text.Length == 0)
        {
            return false;
        }

        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
