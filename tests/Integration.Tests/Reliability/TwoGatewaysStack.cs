using Enrolment.Integration.Tests.LoadTest;

namespace Enrolment.Integration.Tests.Reliability;

/// <summary>Two silos and two gateways as processes, shared by the tests of a class; each test uses members of its own.</summary>
public sealed class TwoGatewaysStack : IAsyncLifetime
{
    private RunningStack? _stack;
    private int _nextMember;

    public RunningStack Stack => _stack ?? throw new InvalidOperationException("Not started.");

    public HttpClient[] Gateways { get; private set; } = [];

    /// <summary>A member with a mobile of their own that no other test of the class uses.</summary>
    public MemberOverHttp NextMember() => MemberOverHttp.WithOwnMobile(Stack.Members, 100)[Interlocked.Increment(ref _nextMember)];

    public async Task InitializeAsync()
    {
        _stack = await RunningStack.StartAsync(new StackShape { Members = 1_000, Silos = 2, Gateways = 2 });
        Gateways = [.. _stack.Gateways.Select(g => new HttpClient { BaseAddress = g, Timeout = TimeSpan.FromSeconds(60) })];
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            gateway.Dispose();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}
