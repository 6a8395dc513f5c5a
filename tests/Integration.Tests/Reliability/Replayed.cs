namespace Enrolment.Integration.Tests.Reliability;

/// <summary>A member pressing again while the cluster notices a dead silo.</summary>
public static class Replayed
{
    /// <summary>Replays the call every second while it answers 5xx or not at all, for up to two minutes.</summary>
    public static async Task<HttpResponseMessage> UntilAnsweredAsync(Func<Task<HttpResponseMessage>> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            try
            {
                var answer = await call();
                if ((int)answer.StatusCode < 500 || DateTime.UtcNow > deadline)
                {
                    return answer;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // No answer: try again.
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
