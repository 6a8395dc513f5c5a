using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Members;
using Enrolment.TestKit;
using Xunit;

namespace Enrolment.Gateway.Tests.FranceConnect;

/// <summary>
/// A cluster of its own (so that no other test's COMET PAUL makes Paul Comet a homonym), the local FranceConnect,
/// and a gateway registered with it. Two JEAN MARTIN born the same day are the homonyms.
/// </summary>
public sealed class FranceConnectFixture : IAsyncLifetime
{
    public static readonly MemberRecord JeanMartin1 = Homonym("7100000001");
    public static readonly MemberRecord JeanMartin2 = Homonym("7100000002");

    public GatewayCluster Cluster { get; } = new();

    public LocalFranceConnect Provider { get; } = new("http://localhost");

    public GatewayFactory Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(Cluster.InitializeAsync(), Provider.InitializeAsync());
        Cluster.Directory.Add(JeanMartin1);
        Cluster.Directory.Add(JeanMartin2);
        Gateway = NewGateway(LocalFranceConnect.ClientId);
    }

    public GatewayFactory NewGateway(string clientId) => Cluster.NewGateway(new Dictionary<string, string?>
    {
        ["FranceConnect:Authority"] = Provider.Issuer,
        ["FranceConnect:ClientId"] = clientId,
        ["FranceConnect:ClientSecret"] = LocalFranceConnect.ClientSecret,
        ["FranceConnect:KeyRefetchInterval"] = "00:00:00",
        ["RateLimits:SignInPerMinute"] = "100000",
    });

    /// <summary>Gives Paul Comet an account (a password he never uses here), once.</summary>
    public async Task GivePaulCometAnAccount()
    {
        var account = Cluster.Cluster.Client.GetGrain<IAccountGrain>(TestMembers.PaulComet.MemberNumber);
        await account.Create(new NewAccount(
            Guid.NewGuid(), TestMembers.PaulComet.FullName, "paul@example.fr", false, null, false, null, "not-a-real-hash", null, null));
    }

    public async Task DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    private static MemberRecord Homonym(string number) =>
        new(number, "MARTIN", "JEAN", new DateOnly(1970, 1, 1), new PostalAddress("1 RUE DE LA PAIX", "75002", "PARIS"), null);
}
