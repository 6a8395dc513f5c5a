using Enrolment.Grains.Interfaces.Passwords;
using Enrolment.Grains.Passwords;
using Microsoft.Extensions.Options;

namespace Enrolment.Grains.Tests.Passwords;

/// <summary>The hashing queue of a silo is bounded in time, and a hash whose caller has gone is not computed.</summary>
public sealed class HashQueueTests
{
    private const string Secret = "Vanves92Soleil7";

    /// <summary>One hash at a time, each slow enough (64 MiB, tens of milliseconds) that the next call finds it running.</summary>
    private static Argon2PasswordHasher OneAtATime(TimeSpan maxQueueWait) =>
        new(Options.Create(new PasswordHashingOptions { MemoryKib = 65536, Passes = 2, MaxConcurrentHashes = 1, MaxQueueWait = maxQueueWait }));

    [Fact]
    public async Task A_hash_that_would_wait_beyond_the_bound_is_refused_at_once_and_the_queue_then_takes_work_again()
    {
        using var hasher = OneAtATime(TimeSpan.Zero);
        var hash = await hasher.HashAsync(Secret);

        var calls = Enumerable.Range(0, 4).Select(_ => hasher.VerifyAsync(Secret, hash)).ToList();
        await Task.WhenAll(calls.Select(c => c.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.True((await calls[0]).Matches);
        var refused = calls.Where(c => c.IsFaulted).Select(c => c.Exception!.InnerException).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, e => Assert.True(e is HashingBusyException { RetryAfterSeconds: >= 1 }, e?.GetType().Name));
        Assert.True((await hasher.VerifyAsync(Secret, hash)).Matches);
    }

    [Fact]
    public async Task Within_the_bound_hashes_queue_and_all_complete()
    {
        using var hasher = OneAtATime(TimeSpan.FromMinutes(1));
        var hash = await hasher.HashAsync(Secret);

        var checks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => hasher.VerifyAsync(Secret, hash)));

        Assert.All(checks, check => Assert.True(check.Matches));
    }

    [Fact]
    public async Task A_hash_whose_caller_has_gone_is_dropped_from_the_queue()
    {
        using var hasher = OneAtATime(TimeSpan.FromMinutes(1));
        var hash = await hasher.HashAsync(Secret);
        using var gone = new CancellationTokenSource();

        var running = hasher.VerifyAsync(Secret, hash);
        var queued = hasher.VerifyAsync(Secret, hash, gone.Token);
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.True((await running).Matches);
    }

    [Fact]
    public void The_default_bound_is_a_few_seconds_of_work() =>
        Assert.Equal(TimeSpan.FromSeconds(3), new PasswordHashingOptions().MaxQueueWait);
}
