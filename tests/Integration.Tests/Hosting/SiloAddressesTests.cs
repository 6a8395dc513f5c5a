using System.Net;
using Enrolment.Silo.Hosting;

namespace Enrolment.Integration.Tests.Hosting;

/// <summary>How the silo chooses the address it binds and the one it advertises, and what it refuses.</summary>
public sealed class SiloAddressesTests
{
    private static readonly IPAddress[] Machine = [IPAddress.Loopback, IPAddress.Parse("10.1.2.3"), IPAddress.Parse("192.168.0.9")];

    private static SiloAddresses Choose(string listen, string? advertised = null, IPAddress[]? machine = null) =>
        SiloAddresses.Choose(new OrleansSettings { ListenAddress = listen, AdvertisedAddress = advertised }, machine ?? Machine);

    [Fact]
    public void By_default_the_silo_listens_on_loopback_and_advertises_it()
    {
        var addresses = SiloAddresses.Choose(new OrleansSettings(), Machine);

        Assert.Equal(new SiloAddresses(IPAddress.Loopback, IPAddress.Loopback), addresses);
    }

    [Fact]
    public void A_silo_listening_on_one_address_advertises_that_address()
    {
        Assert.Equal(new SiloAddresses(IPAddress.Parse("127.0.0.7"), IPAddress.Parse("127.0.0.7")), Choose("127.0.0.7"));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void A_silo_listening_everywhere_advertises_the_first_non_loopback_IPv4_address(string listen)
    {
        var machine = new[] { IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fd00::5"), IPAddress.Parse("10.1.2.3"), IPAddress.Parse("192.168.0.9") };

        var addresses = Choose(listen, machine: machine);

        Assert.Equal(IPAddress.Parse(listen), addresses.Listen);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), addresses.Advertised);
    }

    [Fact]
    public void An_advertised_address_given_is_kept()
    {
        Assert.Equal(new SiloAddresses(IPAddress.Any, IPAddress.Parse("203.0.113.4")), Choose("0.0.0.0", "203.0.113.4"));
        Assert.Equal(new SiloAddresses(IPAddress.Parse("10.1.2.3"), IPAddress.Parse("203.0.113.4")), Choose("10.1.2.3", "203.0.113.4"));
    }

    [Fact]
    public void Listening_everywhere_on_a_machine_with_only_loopback_asks_for_the_advertised_address()
    {
        var refused = Assert.Throws<SettingRefusedException>(() => Choose("0.0.0.0", machine: [IPAddress.Loopback]));

        Assert.Equal(SiloAddresses.AdvertisedSetting, refused.Setting);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("localhost")]
    [InlineData("1")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.256")]
    [InlineData("127.0.0.1:11111")]
    public void A_listen_address_that_is_not_written_out_in_full_is_refused_naming_the_setting(string listen)
    {
        var refused = Assert.Throws<SettingRefusedException>(() => Choose(listen));

        Assert.Equal("Orleans:ListenAddress", refused.Setting);
        Assert.StartsWith("Orleans:ListenAddress ", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Theory]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("0.0.0.0", "::")]
    [InlineData("0.0.0.0", "silo-a.example")]
    [InlineData("0.0.0.0", "")]
    [InlineData("10.1.2.3", "127.0.0.1")]
    public void An_advertised_address_nobody_could_reach_is_refused_naming_the_setting(string listen, string advertised)
    {
        var refused = Assert.Throws<SettingRefusedException>(() => Choose(listen, advertised));

        Assert.Equal("Orleans:AdvertisedAddress", refused.Setting);
        Assert.DoesNotContain('\n', refused.Message);
    }

    [Fact]
    public void IPv6_addresses_are_taken_as_written()
    {
        Assert.Equal(new SiloAddresses(IPAddress.Parse("fd00::5"), IPAddress.Parse("fd00::5")), Choose("fd00::5"));
    }

    [Fact]
    public void This_machine_has_its_loopback_address_among_its_own()
    {
        Assert.Contains(IPAddress.Loopback, SiloAddresses.OfThisMachine());
    }
}
