using Enrolment.ApiClient;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>A member pressing again while the cluster notices a dead silo.</summary>
public static class Replayed
{
    /// <summary>Replays the call every second while it answers 5xx or not at all, for up to two minutes.</summary>
    public static Task<ApiAnswer<T>> UntilAnsweredAsync<T>(Func<Task<ApiAnswer<T>>> call) =>
        Eventually.Answers(
            async () =>
            {
                var answer = await call();
                return (int)answer.Status < 500 ? answer : throw new HttpRequestException($"The gateway answered {answer}.");
            },
            limit: TimeSpan.FromSeconds(120),
            callLimit: TimeSpan.FromSeconds(100),
            every: TimeSpan.FromSeconds(1));
}
