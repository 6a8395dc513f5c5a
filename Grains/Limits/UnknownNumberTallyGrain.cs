using Enrolment.Grains.Accounts;
using Enrolment.Grains.PasswordResets;
using Orleans.Placement;

namespace Enrolment.Grains.Limits;

/// <summary>
/// Tallies of numbers without an account, kept in memory rather than one stored row per number that anyone could
/// make by typing random numbers. A tally lives as long as a real account's would (sends for the send window,
/// failures until the cap pushes it out); at most <see cref="AccountOptions.UnknownNumbersKept"/> in the cluster,
/// least recently used dropped first. Never collected while its silo runs; lost with its silo (docs/accounts.md).
/// </summary>
[KeepAlive]
[Immovable]
public sealed class UnknownNumberTallyGrain(
    IOptions<AccountOptions> accounts,
    IOptions<PasswordResetOptions> resets,
    TimeProvider time) : Grain, IUnknownNumberTallyGrain
{
    private readonly Dictionary<ulong, Kept> _tallies = [];
    private readonly int _capacity = Math.Max(1, accounts.Value.UnknownNumbersKept / UnknownNumbers.Shares);
    private readonly TimeSpan _sendWindow = resets.Value.Codes.SendLimits.Window;

    public Task<UnknownNumberTally> Get(ulong number) =>
        Task.FromResult(_tallies.TryGetValue(number, out var kept) ? kept.Tally : UnknownNumberTally.None);

    public Task SetResetSends(ulong number, DateTimeOffset[] sends, DecoyRequest lastReset)
    {
        Set(number, Current(number) with { ResetSends = sends, LastReset = lastReset });
        return Task.CompletedTask;
    }

    public Task SetSignInFailures(ulong number, int failures, DateTimeOffset? lockedUntil)
    {
        Set(number, Current(number) with { SignInFailures = failures, LockedUntil = lockedUntil });
        return Task.CompletedTask;
    }

    private UnknownNumberTally Current(ulong number) =>
        _tallies.TryGetValue(number, out var kept) ? kept.Tally : UnknownNumberTally.None;

    private void Set(ulong number, UnknownNumberTally tally)
    {
        var now = time.GetUtcNow();
        if (IsSpent(tally, now))
        {
            _tallies.Remove(number);
            return;
        }

        if (!_tallies.ContainsKey(number) && _tallies.Count >= _capacity)
        {
            MakeRoom(now);
        }

        _tallies[number] = new Kept(tally, now);
    }

    /// <summary>Drops what has run out, else the least recently used sixteenth, so that a full share is not scanned on every call.</summary>
    private void MakeRoom(DateTimeOffset now)
    {
        var spent = _tallies.Where(t => IsSpent(t.Value.Tally, now)).Select(t => t.Key).ToList();
        var dropped = spent.Count > 0
            ? spent
            : [.. _tallies.OrderBy(t => t.Value.TouchedAt).Take(Math.Max(1, _capacity / 16)).Select(t => t.Key)];
        foreach (var number in dropped)
        {
            _tallies.Remove(number);
        }
    }

    private bool IsSpent(UnknownNumberTally tally, DateTimeOffset now) =>
        tally.SignInFailures == 0
        && (tally.LockedUntil is null || tally.LockedUntil <= now)
        && tally.ResetSends.All(at => at <= now - _sendWindow);

    private readonly record struct Kept(UnknownNumberTally Tally, DateTimeOffset TouchedAt);
}
