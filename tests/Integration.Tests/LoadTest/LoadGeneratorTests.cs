using Enrolment.LoadTest.Engine;
using Enrolment.LoadTest.Metrics;

namespace Enrolment.Integration.Tests.LoadTest;

/// <summary>The load generator runs a short bounded scenario against the real product without an unexpected answer.</summary>
public sealed class LoadGeneratorTests
{
    [Fact]
    public async Task Twenty_virtual_members_complete_every_kind_of_journey_and_sign_in()
    {
        await using var stack = await RunningStack.StartAsync(members: 2_000);

        var report = await LoadRun.RunAsync(new LoadOptions
        {
            Target = stack.Gateway,
            Users = 4,
            Journeys = 20,
            DirectorySize = stack.Members,
            MaxTime = TimeSpan.FromMinutes(3),
        }, CancellationToken.None);

        Assert.True(report.Errors.Total == 0,
            $"Unexpected answers: {string.Join(", ", report.Errors.ByStep.Select(e => $"{e.Step} {e.Error} ×{e.Count}"))}\n{stack.Output}");
        Assert.False(report.MaxTimeReached);
        Assert.Equal(20, report.Journeys.Completed);
        Assert.All(report.Journeys.ByScenario, scenario => Assert.True(scenario.Completed > 0, $"no {scenario.Name} journey completed"));

        // Every completed journey was acknowledged through its last step, each for a member of its own, then signed in.
        var finished = report.Acknowledgements
            .Where(a => a.Step is StepNames.Password or StepNames.FirstLogin)
            .Select(a => a.MemberNumber)
            .ToList();
        Assert.Equal(20, finished.Distinct().Count());
        Assert.All(finished, member =>
            Assert.Contains(report.Acknowledgements, a => a.Step == StepNames.SignIn && a.MemberNumber == member));
    }
}
