namespace Enrolment.Grains.Accounts;

internal static class StateSaving
{
    /// <summary>
    /// Stores a change. When storage fails the caller gets the error, and the activation, whose memory now holds a
    /// change that was not stored, makes way for a fresh one that reads back what was (as the enrolment does).
    /// </summary>
    public static async Task SaveOrMakeWayAsync<TState>(this IGrainBase grain, IPersistentState<TState> state)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
