using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Grains.Limits;

/// <summary>What the cluster remembers of a member number without an account: its lost-password sends and sign-in failures.</summary>
[GenerateSerializer, Immutable]
public sealed record UnknownNumberTally(DateTimeOffset[] ResetSends, int SignInFailures, DateTimeOffset? LockedUntil, DecoyRequest? LastReset)
{
    public static readonly UnknownNumberTally None = new([], 0, null, null);
}

/// <summary>The last lost-password decoy of such a number, so that its id answers as a member's would once the activation is gone.</summary>
[GenerateSerializer, Immutable]
public sealed record DecoyRequest(Guid ResetId, ResetStep Step, string? MaskedPhone, DateTimeOffset StartedAt);

/// <summary>One share of the unknown numbers' tallies (key 0 to <see cref="UnknownNumbers.Shares"/> − 1), in memory only.</summary>
public interface IUnknownNumberTallyGrain : IGrainWithIntegerKey
{
    Task<UnknownNumberTally> Get(ulong number);

    Task SetResetSends(ulong number, DateTimeOffset[] sends, DecoyRequest lastReset);

    Task SetSignInFailures(ulong number, int failures, DateTimeOffset? lockedUntil);
}

/// <summary>Where a number's tally lives: a digest of the number picks the share and names it inside the share.</summary>
public static class UnknownNumbers
{
    public const int Shares = 64;

    public static (IUnknownNumberTallyGrain Share, ulong Number) TallyOf(IGrainFactory grains, string memberNumber)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("unknown-number:" + memberNumber));
        var number = BinaryPrimitives.ReadUInt64LittleEndian(digest);
        return (grains.GetGrain<IUnknownNumberTallyGrain>((long)(number % Shares)), number);
    }
}
