using Enrolment.Grains.Interfaces.Operations;
using Orleans.Concurrency;

namespace Enrolment.Grains.Operations;

[StatelessWorker]
public sealed class HealthGrain(IDatabaseProbe database) : Grain, IHealthGrain
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<bool> DatabaseAnswers()
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        return await database.AnswersAsync(timeout.Token);
    }
}
