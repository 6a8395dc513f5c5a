namespace Enrolment.Integration.Tests.Reliability;

/// <summary>A member pressing again while the cluster notices a dead silo.</summary>
public static class Replayed
{
    /// <summary>Replays the call every second while it answers 5xx or not at all, for up to two minutes.</summary>
    public static Task<HttpResponseMessage> UntilAnsweredAsync(Func<Task<HttpResponseMessage>> call) =>
        Eventually.Answers(
            async () =>
            {
                var answer = await call();
                if ((int)answer.StatusCode >= 500)
                {
                    answer.Dispose();
                    throw new HttpRequestException($"The gateway answered {(int)answer.StatusCode}.");
                }

                return answer;
            },
            limit: TimeSpan.FromSeconds(120),
            callLimit: TimeSpan.FromSeconds(100),
            every: TimeSpan.FromSeconds(1));
}
