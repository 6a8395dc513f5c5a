using System.Net;
using Enrolment.Grains.Interfaces.Limits;

namespace Enrolment.Grains.Tests.Limits;

/// <summary>Which addresses share a count: an IPv6 /64 is one client; a mapped IPv4 is that IPv4.</summary>
public sealed class AddressLimitKeyTests
{
    [Theory]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2:ffff:ffff:ffff:ffff")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.5")]
    public void Addresses_of_one_client_share_a_key(string one, string other) =>
        Assert.Equal(Key(one), Key(other));

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("203.0.113.5", "203.0.113.6")]
    public void Addresses_of_different_clients_do_not(string one, string other) =>
        Assert.NotEqual(Key(one), Key(other));

    [Fact]
    public void The_key_names_the_policy_and_the_group()
    {
        Assert.Equal("identity-search/2001:db8:1:2::/64", Key("2001:db8:1:2:aaaa::1"));
        Assert.Equal("identity-search/203.0.113.5", Key("::ffff:203.0.113.5"));
    }

    private static string Key(string address) => AddressLimitKey.Of("identity-search", IPAddress.Parse(address));
}
