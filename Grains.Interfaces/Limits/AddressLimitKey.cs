using System.Net;

namespace Enrolment.Grains.Interfaces.Limits;

/// <summary>
/// The grain key of a per-address limit: <c>policy/address</c>, where an IPv6 client counts by its /64 (one
/// subscriber usually holds a whole /64) and an IPv4-mapped IPv6 address counts as its IPv4.
/// </summary>
public static class AddressLimitKey
{
    public static string Of(string policy, IPAddress? client) => $"{policy}/{GroupOf(client)}";

    public static string GroupOf(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            return client.MapToIPv4().ToString();
        }

        if (client.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPNetwork(new IPAddress(bytes), 64).ToString();
    }
}
