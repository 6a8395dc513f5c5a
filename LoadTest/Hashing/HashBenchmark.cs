using System.Diagnostics;
using Enrolment.Grains.Passwords;
using Microsoft.Extensions.Options;

namespace Enrolment.LoadTest.Hashing;

/// <summary>
/// Argon2id hashes per second through the product's own hasher at its configured cost, with enough callers to keep
/// every core busy (the hasher itself lets one hash per core run at a time).
/// </summary>
public static class HashBenchmark
{
    public static async Task<HashBenchmarkResult> RunAsync(TimeSpan duration, int callers, CancellationToken cancellationToken)
    {
        var settings = new PasswordHashingOptions();
        using var hasher = new Argon2PasswordHasher(Options.Create(settings));
        await hasher.HashAsync("warmUp2024x", cancellationToken); // loads libsodium before timing

        var hashes = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            var secret = $"Bench{caller}Secret9";
            while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
            {
                await hasher.HashAsync(secret, cancellationToken);
                Interlocked.Increment(ref hashes);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        return new HashBenchmarkResult(
            Environment.ProcessorCount, callers, settings.MemoryKib, settings.Passes, settings.Lanes,
            hashes, Math.Round(seconds, 3), Math.Round(hashes / seconds, 2));
    }
}

/// <summary>The hash benchmark's figures; written as JSON with these (camel case) field names.</summary>
public sealed record HashBenchmarkResult(
    int Cores, int Callers, int MemoryKib, int Passes, int Lanes, long Hashes, double Seconds, double HashesPerSecond);
