using System.Diagnostics;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// How long genuine lost-password requests take on this silo, by channel, so that a decoy can take as long: a real
/// request writes its row, its reminder and the phone's count; a decoy writes its row only and an unknown number
/// nothing, which timing alone would otherwise tell apart (docs/reliability.md, "Timing"). A decoy waits until it
/// has taken as long as one of the last genuine requests drawn at random, so that its times spread like theirs
/// (waiting for their average would put most decoys above most genuine answers).
/// </summary>
public sealed class ResetPacing
{
    private const int Kept = 64;

    private readonly Lock _gate = new();
    private readonly List<long> _sms = [];
    private readonly List<long> _letter = [];

    /// <summary>A genuine request that began at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp) ends now.</summary>
    public void Genuine(bool bySms, long startedAt)
    {
        var took = Stopwatch.GetElapsedTime(startedAt).Ticks;
        var kept = bySms ? _sms : _letter;
        lock (_gate)
        {
            if (kept.Count < Kept)
            {
                kept.Add(took);
            }
            else
            {
                kept[Random.Shared.Next(Kept)] = took;
            }
        }
    }

    /// <summary>A decoy that began at <paramref name="startedAt"/> waits until it has taken as long as a genuine one.</summary>
    public Task DecoyAsync(bool bySms, long startedAt)
    {
        var kept = bySms ? _sms : _letter;
        long target;
        lock (_gate)
        {
            target = kept.Count == 0 ? 0 : kept[Random.Shared.Next(kept.Count)];
        }

        var wait = TimeSpan.FromTicks(target) - Stopwatch.GetElapsedTime(startedAt);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
