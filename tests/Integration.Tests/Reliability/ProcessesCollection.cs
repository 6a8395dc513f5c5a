namespace Enrolment.Integration.Tests.Reliability;

/// <summary>
/// The tests that run silos and gateways as processes take turns: each one alone already loads a small machine,
/// and the chaos run must not be slowed into timeouts by its neighbours.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessesCollection
{
    public const string Name = "reliability processes";
}
