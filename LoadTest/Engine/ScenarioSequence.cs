namespace Enrolment.LoadTest.Engine;

/// <summary>
/// Gives each new journey its scenario so that any run follows the mix exactly and evenly spread (smooth weighted
/// round robin): with 70/20/10, twenty journeys are 14, 4 and 2, the letters not all at the end. Repeatable,
/// unlike a random draw, so that even a short run takes every path.
/// </summary>
internal sealed class ScenarioSequence(ScenarioMix mix)
{
    private static readonly Scenario[] Scenarios = Enum.GetValues<Scenario>();
    private readonly Lock _gate = new();
    private readonly int[] _credit = new int[Scenarios.Length];

    public Scenario Next()
    {
        lock (_gate)
        {
            var total = 0;
            var best = 0;
            for (var i = 0; i < Scenarios.Length; i++)
            {
                var weight = mix.WeightOf(Scenarios[i]);
                _credit[i] += weight;
                total += weight;
                if (_credit[i] > _credit[best])
                {
                    best = i;
                }
            }

            _credit[best] -= total;
            return Scenarios[best];
        }
    }
}
