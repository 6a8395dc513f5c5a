using System.Diagnostics;

namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// How long a genuine lost-password request takes on this silo, by channel, so that a decoy can take as long: a real
/// request writes its row, its reminder and the phone's count; a decoy writes its row only and an unknown number
/// nothing, which timing alone would otherwise tell apart (docs/reliability.md, "Timing"). A moving average of
/// genuine requests, which a decoy waits out before it answers.
/// </summary>
public sealed class ResetPacing
{
    private long _smsTicks;
    private long _letterTicks;

    /// <summary>A genuine request that began at <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp) ends now.</summary>
    public void Genuine(bool bySms, long startedAt)
    {
        ref var average = ref bySms ? ref _smsTicks : ref _letterTicks;
        var took = Stopwatch.GetElapsedTime(startedAt).Ticks;
        var current = Interlocked.Read(ref average);
        Interlocked.Exchange(ref average, current == 0 ? took : current + ((took - current) / 8));
    }

    /// <summary>A decoy that began at <paramref name="startedAt"/> waits until it has taken as long as a genuine one.</summary>
    public Task DecoyAsync(bool bySms, long startedAt)
    {
        var wait = TimeSpan.FromTicks(Interlocked.Read(ref bySms ? ref _smsTicks : ref _letterTicks)) - Stopwatch.GetElapsedTime(startedAt);
        return wait > TimeSpan.Zero ? Task.Delay(wait) : Task.CompletedTask;
    }
}
