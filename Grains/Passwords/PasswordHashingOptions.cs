namespace Enrolment.Grains.Passwords;

/// <summary>Argon2id cost, bound from the <c>PasswordHashing</c> section; defaults are OWASP's minimum.</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>Memory per hash in KiB (19 MiB).</summary>
    public int MemoryKib { get; set; } = 19 * 1024;

    public int Passes { get; set; } = 2;

    /// <summary>libsodium computes one lane only.</summary>
    public int Lanes { get; set; } = 1;

    public int HashBytes { get; set; } = 32;

    /// <summary>Hashes computed at once; 0 means one per core, so that memory stays bounded under a crowd.</summary>
    public int MaxConcurrentHashes { get; set; }

    /// <summary>
    /// The longest a hash may expect to queue on a silo (a few seconds of work); one that would wait longer is refused
    /// at once with <c>503 busy</c>, without hashing.
    /// </summary>
    public TimeSpan MaxQueueWait { get; set; } = TimeSpan.FromSeconds(3);
}
