using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Operations;
using Xunit;

namespace Enrolment.Gateway.Tests;

/// <summary>The shared key ring: gateways racing on an empty ring end up with one key; rollovers and revocations are kept.</summary>
[Collection(GatewayCollection.Name)]
public sealed class KeyRingGrainTests(GatewayCluster cluster)
{
    private static KeyRingElement Key(string id, DateTimeOffset created) => new(
        $"key-{id}",
        $"<key id=\"{id}\" version=\"1\"><creationDate>{created:O}</creationDate><activationDate>{created:O}</activationDate></key>");

    private IKeyRingGrain Ring(int key) => cluster.Cluster.Client.GetGrain<IKeyRingGrain>(key);

    [Fact]
    public async Task Of_two_keys_created_at_one_start_up_the_first_stored_stays_alone()
    {
        var ring = Ring(101);
        var now = DateTimeOffset.UtcNow;

        await ring.Store(Key("11111111-1111-1111-1111-111111111111", now));
        await ring.Store(Key("22222222-2222-2222-2222-222222222222", now.AddSeconds(2)));
        await ring.Store(Key("11111111-1111-1111-1111-111111111111", now));

        Assert.Equal(["key-11111111-1111-1111-1111-111111111111"], (await ring.GetElements()).Select(e => e.FriendlyName));
    }

    [Fact]
    public async Task A_rollover_key_and_a_revocation_are_kept()
    {
        var ring = Ring(102);
        var created = DateTimeOffset.UtcNow.AddDays(-88);

        await ring.Store(Key("33333333-3333-3333-3333-333333333333", created));
        await ring.Store(Key("44444444-4444-4444-4444-444444444444", created.AddDays(88)));
        await ring.Store(new KeyRingElement("revocation-1", "<revocation version=\"1\"><revocationDate>2026-01-01T00:00:00Z</revocationDate></revocation>"));
        await ring.Store(Key("55555555-5555-5555-5555-555555555555", created.AddDays(88).AddMinutes(1)));

        Assert.Equal(4, (await ring.GetElements()).Count);
    }
}
