namespace Enrolment.Grains.Passwords;

/// <summary>
/// Argon2id hashing of passwords and provisional codes, off the grain scheduler, at most one hash per core
/// at a time. Hashes are self-describing strings that carry their parameters.
/// </summary>
public interface IPasswordHasher
{
    /// <summary>A new hash; throws <see cref="Interfaces.Passwords.HashingBusyException"/> when the queue is full.</summary>
    Task<string> HashAsync(string secret, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="secret"/> matches; and whether the stored hash is weaker than configured.</summary>
    Task<SecretCheck> VerifyAsync(string secret, string storedHash, CancellationToken cancellationToken = default);
}

public readonly record struct SecretCheck(bool Matches, bool NeedsRehash);
