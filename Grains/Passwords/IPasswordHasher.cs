namespace Enrolment.Grains.Passwords;

/// <summary>
/// Argon2id hashing of passwords and provisional codes, off the grain scheduler, at most one hash per core
/// at a time. Hashes are self-describing strings that carry their parameters.
/// </summary>
public interface IPasswordHasher
{
    Task<string> HashAsync(string secret);

    /// <summary>Whether <paramref name="secret"/> matches; and whether the stored hash is weaker than configured.</summary>
    Task<SecretCheck> VerifyAsync(string secret, string storedHash);
}

public readonly record struct SecretCheck(bool Matches, bool NeedsRehash);
