using System.Net;
using Enrolment.Gateway.Enrolments;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Operations;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The enrolment id: opaque, tamper-evident, readable by any gateway because the key ring lives in a grain.</summary>
[Collection(GatewayCollection.Name)]
public sealed class EnrolmentIdTests(GatewayCluster cluster)
{
    private static readonly Guid Journey = Guid.Parse("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e");

    private OpaqueIds Ids => cluster.Gateway.Services.GetRequiredService<OpaqueIds>();

    [Fact]
    public async Task An_id_issued_by_one_gateway_is_read_by_another_through_the_shared_key_ring()
    {
        var id = Ids.Create("1234567890", Journey);
        await using var other = cluster.NewGateway(new Dictionary<string, string?>());

        Assert.True(other.Services.GetRequiredService<OpaqueIds>().TryRead(id, out var journey));

        Assert.Equal(new MemberScopedId("1234567890", Journey), journey);
        Assert.NotEmpty(await cluster.Cluster.Client.GetGrain<IKeyRingGrain>(0).GetElements());
    }

    [Fact]
    public async Task Two_gateways_serve_one_journey_alternately()
    {
        var member = cluster.Directory.NewMember();
        await using var other = cluster.NewGateway(new Dictionary<string, string?>());
        var first = new JourneyDriver(cluster.Gateway.CreateClient());
        var second = new JourneyDriver(other.CreateClient());

        var id = await first.Start(member);
        Assert.Equal("confirm-phone", (await second.Step(id, "identity-confirmation", new { })).Text("step"));
        Assert.Equal("member-number", (await first.Step(id, "phone-confirmation", new { isMine = true })).Text("step"));
        Assert.Equal("enter-code", (await second.Step(id, "member-number", new { memberNumber = member.MemberNumber })).Text("step"));

        Assert.Equal(await first.Snapshot(id), await second.Snapshot(id));
    }

    [Fact]
    public void The_id_reveals_neither_the_member_number_nor_the_journey()
    {
        var id = Ids.Create("1234567890", Journey);

        Assert.DoesNotContain("1234567890", id, StringComparison.Ordinal);
        Assert.DoesNotContain(Journey.ToString("N"), id, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(id, Ids.Create("1234567890", Journey));
    }

    [Fact]
    public void Every_altered_or_truncated_id_is_refused()
    {
        var id = Ids.Create("1234567890", Journey);

        for (var i = 0; i < id.Length; i++)
        {
            var flipped = id[..i] + (id[i] == 'A' ? 'B' : 'A') + id[(i + 1)..];
            Assert.False(Ids.TryRead(flipped, out _), $"flipped at {i}");
        }

        Assert.False(Ids.TryRead(id[..^1], out _));
        Assert.False(Ids.TryRead(id[..(id.Length / 2)], out _));
        Assert.False(Ids.TryRead(id + "A", out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1234567890")]
    [InlineData("%01%0A%7F")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%27%20OR%201%3D1--")]
    [InlineData("%3Cscript%3E")]
    public async Task Garbage_ids_are_unknown_enrolments(string id)
    {
        var response = await cluster.Gateway.CreateClient().GetAsync($"/api/enrolments/{id}");

        await response.AssertProblem(HttpStatusCode.NotFound, "unknown-enrolment");
    }

    [Fact]
    public async Task A_very_long_id_is_an_unknown_enrolment()
    {
        var response = await cluster.Gateway.CreateClient().GetAsync($"/api/enrolments/{new string('A', 4000)}");

        await response.AssertProblem(HttpStatusCode.NotFound, "unknown-enrolment");
    }
}
