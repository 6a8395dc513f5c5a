using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// What a request that matches no account answers, so that it looks like one that does: most often a code
/// "sent" to a masked phone, sometimes a letter. Derived from a secret random key of the member number and the
/// birth date typed, so the same question gets the same answer and nobody can predict or recompute it.
/// </summary>
public static class DecoyReset
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// The key of a number no member has, derived from the cluster's secret (<see cref="DecoySecret"/>): stable
    /// across silos and restarts with nothing stored for the number, as a member's stored key is.
    /// </summary>
    public static string KeyOf(byte[] clusterSecret, string memberNumber) =>
        Convert.ToBase64String(HMACSHA256.HashData(clusterSecret, Encoding.UTF8.GetBytes("decoy-key:" + memberNumber)));

    /// <summary>The decoy's masked phone, or null for a letter.</summary>
    public static string? MaskedPhone(string key, DateOnly birthDate)
    {
        var digest = HMACSHA256.HashData(
            Convert.FromBase64String(key),
            Encoding.UTF8.GetBytes(birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        // About one member in five has no mobile on file and gets a letter.
        if (digest[0] % 5 == 0)
        {
            return null;
        }

        var lastFour = BitConverter.ToUInt16(digest, 1) % 10_000;
        return FrenchMobile.MaskWithLastFour(lastFour.ToString("D4", CultureInfo.InvariantCulture));
    }
}
