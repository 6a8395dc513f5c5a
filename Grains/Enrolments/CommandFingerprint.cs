using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Grains.Enrolments;

/// <summary>
/// Recognises a command replayed with the same body. Commands may carry secrets (a code, a password), so the
/// fingerprint is an HMAC under a random key of the journey: equal bodies give equal fingerprints, and the stored
/// fingerprint cannot be tried against guesses without that key, which dies with the journey.
/// </summary>
internal static class CommandFingerprint
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Of(string key, string command, params string[] parts)
    {
        var text = string.Join('\u001f', [command, .. parts]);
        return Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(text)));
    }
}
