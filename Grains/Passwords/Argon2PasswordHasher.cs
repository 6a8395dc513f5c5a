using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Enrolment.Grains.Operations;
using NSec.Cryptography;

namespace Enrolment.Grains.Passwords;

/// <summary>
/// Argon2id through libsodium (NSec). Each hash takes tens of milliseconds and its own block of memory, so it runs on
/// threads of its own at a lower priority (<see cref="HashingThreads"/>) rather than on the grain scheduler, and a gate
/// lets only so many run at once: a crowd of sign-ups queues instead of exhausting memory. The queue is bounded
/// (<see cref="HashQueue"/>), and a hash whose caller has gone is dropped before it runs.
/// </summary>
public sealed class Argon2PasswordHasher : IPasswordHasher, IDisposable
{
    /// <summary>libsodium's Argon2id takes exactly this much salt.</summary>
    private const int SaltBytes = 16;

    private readonly PasswordHashingOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly HashingThreads _threads;
    private readonly HashQueue _queue;
    private readonly ProductMetrics? _metrics;

    /// <summary>A hasher; <paramref name="metrics"/> is left out only by benchmarks and tests of the hash itself.</summary>
    public Argon2PasswordHasher(IOptions<PasswordHashingOptions> options, ProductMetrics? metrics = null)
    {
        _options = options.Value;
        var concurrency = _options.MaxConcurrentHashes > 0 ? _options.MaxConcurrentHashes : Environment.ProcessorCount;
        _gate = new SemaphoreSlim(concurrency, concurrency);
        _threads = new HashingThreads(concurrency);
        _queue = new HashQueue(concurrency, _options.MaxQueueWait);
        _metrics = metrics;
        metrics?.ObserveHashQueue(() => _queue.Admitted);
    }

    public async Task<string> HashAsync(string secret, CancellationToken cancellationToken = default)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var bytes = await DeriveAsync(secret, salt, _options.MemoryKib, _options.Passes, _options.Lanes, _options.HashBytes, cancellationToken);
        return new Argon2Hash(_options.MemoryKib, _options.Passes, _options.Lanes, salt, bytes).ToString();
    }

    public async Task<SecretCheck> VerifyAsync(string secret, string storedHash, CancellationToken cancellationToken = default)
    {
        if (!Argon2Hash.TryParse(storedHash, out var stored))
        {
            return new SecretCheck(false, false);
        }

        var bytes = await DeriveAsync(secret, stored.Salt, stored.MemoryKib, stored.Passes, stored.Lanes, stored.Hash.Length, cancellationToken);
        var matches = CryptographicOperations.FixedTimeEquals(bytes, stored.Hash);
        var weaker = stored.MemoryKib < _options.MemoryKib
            || stored.Passes < _options.Passes
            || stored.Hash.Length < _options.HashBytes;
        return new SecretCheck(matches, matches && weaker);
    }

    public void Dispose()
    {
        _threads.Dispose();
        _gate.Dispose();
    }

    private async Task<byte[]> DeriveAsync(
        string secret, byte[] salt, int memoryKib, int passes, int lanes, int length, CancellationToken cancellationToken)
    {
        using var place = _queue.Enter();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var bytes = await _threads.RunAsync(() =>
            {
                var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
                {
                    MemorySize = memoryKib,
                    NumberOfPasses = passes,
                    DegreeOfParallelism = lanes,
                });
                return algorithm.DeriveBytes(Encoding.UTF8.GetBytes(secret), salt, length);
            }, cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            _queue.Measured(took);
            _metrics?.Hashed(took);
            return bytes;
        }
        finally
        {
            _gate.Release();
        }
    }
}
