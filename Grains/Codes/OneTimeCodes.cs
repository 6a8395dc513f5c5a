using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Grains.Codes;

/// <summary>
/// Short numeric one-time codes (the SMS code of an enrolment or of a lost password): drawn from a cryptographic
/// random generator, stored only as a hash, valid for a while, a few tries, one use.
/// </summary>
/// <remarks>
/// The hash is HMAC-SHA256 keyed by a random salt of each code. A slow hash (Argon2) would add nothing here:
/// a 6-digit code has a million values, so anyone holding the stored hash and salt could try them all whatever the
/// hash cost, while the code itself is guarded online by three tries and five minutes. What the hash must give is
/// that the stored state never shows the code, and that equal codes do not look equal; a keyed fast hash does that.
/// </remarks>
public static class OneTimeCodes
{
    private const int SaltBytes = 16;

    /// <summary>A fresh code of <paramref name="length"/> digits, and the record to keep of it.</summary>
    public static (string Code, IssuedCode Record) Issue(int length, TimeSpan lifetime, int attempts, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 4);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 9);
        var upperBound = (int)Math.Pow(10, length);
        var code = RandomNumberGenerator.GetInt32(upperBound).ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var record = new IssuedCode(Convert.ToBase64String(salt), Hash(salt, code), now, now + lifetime, attempts);
        return (code, record);
    }

    /// <summary>Checks a typed code; returns the verdict and the record as it must now be kept.</summary>
    public static (CodeVerdict Verdict, IssuedCode Record) Verify(IssuedCode record, string? typed, DateTimeOffset now)
    {
        if (record.Used || record.AttemptsLeft <= 0)
        {
            return (CodeVerdict.Void, record);
        }

        if (now >= record.ExpiresAt)
        {
            return (CodeVerdict.Expired, record);
        }

        var expected = Convert.FromBase64String(record.Hash);
        var actual = Convert.FromBase64String(Hash(Convert.FromBase64String(record.Salt), (typed ?? "").Trim()));
        if (CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return (CodeVerdict.Accepted, record with { Used = true });
        }

        var left = record.AttemptsLeft - 1;
        return (left > 0 ? CodeVerdict.Mismatch : CodeVerdict.Exhausted, record with { AttemptsLeft = left });
    }

    private static string Hash(byte[] salt, string code) =>
        Convert.ToBase64String(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code)));
}
