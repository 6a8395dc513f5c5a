using System.Security.Cryptography;

namespace Enrolment.Grains.Codes;

/// <summary>
/// The provisional access code printed on a letter: read off paper and typed by hand, so its alphabet leaves out
/// the characters people confuse (0/O, 1/I/L). Upper case; sign-in compares it without case.
/// </summary>
public static class ProvisionalCodes
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string Generate(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>As typed back by a member: without spaces, in upper case.</summary>
    public static string Normalise(string typed) => typed.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>Whether what was typed could be a code: only letters of the alphabet once normalised.</summary>
    public static bool CouldBe(string typed) => Normalise(typed) is { Length: > 0 } code && code.All(Alphabet.Contains);
}
