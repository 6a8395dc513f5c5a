using Enrolment.TestKit;

namespace Enrolment.Grains.Tests.Fixtures;

/// <summary>The grain tests' shared cluster: <see cref="TestCluster"/> with the production rules.</summary>
public class ClusterFixture : TestCluster
{
    public ClusterFixture()
    {
    }

    /// <summary>A cluster with some rules changed (<paramref name="settings"/> over the test settings).</summary>
    protected ClusterFixture(IReadOnlyDictionary<string, string?> settings)
        : base(settings)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Grain cluster";
}
