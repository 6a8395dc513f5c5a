using System.Net;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.TestKit;
using Xunit;

namespace Enrolment.Gateway.Tests.Accounts;

/// <summary>
/// A silo whose hashing queue may hold no waiting work (one slow hash at a time): sign-ins beyond it answer
/// <c>503 busy</c> with <c>Retry-After</c> at once instead of queuing without bound.
/// </summary>
public sealed class HashingBusyTests(HashingBusyTests.SaturatedCluster cluster) : IClassFixture<HashingBusyTests.SaturatedCluster>
{
    [Fact]
    public async Task Sign_ins_beyond_the_hashing_queue_answer_503_busy_with_retry_after_and_none_fails()
    {
        var client = cluster.Gateway.CreateClient();
        await client.PostJson("/api/sessions", SignIn(cluster.Directory.NewMember().MemberNumber));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.PostJson("/api/sessions", SignIn(cluster.Directory.NewMember().MemberNumber))));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable }));
        var busy = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        await busy[0].AssertProblem(HttpStatusCode.ServiceUnavailable, "busy");
        Assert.True(int.Parse(Assert.Single(busy[0].Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }

    private static object SignIn(string memberNumber) => new { memberNumber, secret = "Mauvais2024mot" };

    public sealed class SaturatedCluster() : TestCluster(new Dictionary<string, string?>
    {
        ["PasswordHashing:MemoryKib"] = "65536",
        ["PasswordHashing:Passes"] = "3",
        ["PasswordHashing:MaxConcurrentHashes"] = "1",
        ["PasswordHashing:MaxQueueWait"] = "00:00:00",
    })
    {
        public GatewayFactory Gateway { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Gateway = new GatewayFactory(Cluster.Client, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "100000" });
        }

        public override async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
