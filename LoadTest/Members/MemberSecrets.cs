using Enrolment.Grains.Passwords;

namespace Enrolment.LoadTest.Members;

/// <summary>What a virtual member makes up: an e-mail, a password that passes the rules, a new mobile number.</summary>
internal static class MemberSecrets
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string Email(DirectoryMember member) => $"m{member.MemberNumber}@loadtest.example";

    /// <summary>
    /// 14 random letters and digits that pass the product's own password rules for this member. Drawn from
    /// <see cref="Random.Shared"/>: a made-up member's password guards nothing, and the system's generator cost a
    /// call into the crypto library per character, a tenth of the load generator's CPU.
    /// </summary>
    public static string Password(DirectoryMember member)
    {
        Span<char> chars = stackalloc char[14];
        while (true)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i % 3 == 2 ? Digits[Random.Shared.Next(Digits.Length)] : Alphabet[Random.Shared.Next(Alphabet.Length)];
            }

            var password = new string(chars);
            var owner = new PasswordOwner(member.MemberNumber, member.BirthDate, member.LastName);
            if (PasswordPolicy.Check(password, password, owner).Count == 0)
            {
                return password;
            }
        }
    }
}
