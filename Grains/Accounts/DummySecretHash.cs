using System.Security.Cryptography;
using Enrolment.Grains.Passwords;

namespace Enrolment.Grains.Accounts;

/// <summary>
/// A hash of a random secret, made once per silo with the configured parameters. A sign-in for a number
/// without an account is verified against it, so that it takes as long as a wrong password for a real one.
/// </summary>
public sealed class DummySecretHash(IPasswordHasher hasher)
{
    private readonly Lazy<Task<string>> _hash = new(() => hasher.HashAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

    public Task<string> GetAsync() => _hash.Value;
}
