using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Enrolment.Silo.Hosting;

/// <summary>
/// Where the silo's ports bind and what it tells the others in the membership table, from
/// <c>Orleans:ListenAddress</c> and <c>Orleans:AdvertisedAddress</c>. A value the silo cannot work with is refused
/// here, at start, rather than found out later as a cluster nobody can join.
/// </summary>
public sealed record SiloAddresses(IPAddress Listen, IPAddress Advertised)
{
    public const string ListenSetting = $"{OrleansSettings.Section}:{nameof(OrleansSettings.ListenAddress)}";
    public const string AdvertisedSetting = $"{OrleansSettings.Section}:{nameof(OrleansSettings.AdvertisedAddress)}";

    /// <summary>Chooses both addresses; <paramref name="machineAddresses"/> are this machine's, in interface order.</summary>
    public static SiloAddresses Choose(OrleansSettings settings, IEnumerable<IPAddress> machineAddresses)
    {
        var listen = Parse(ListenSetting, settings.ListenAddress);
        if (settings.AdvertisedAddress is null)
        {
            return new SiloAddresses(listen, IsAny(listen) ? FirstReachable(machineAddresses) : listen);
        }

        var advertised = Parse(AdvertisedSetting, settings.AdvertisedAddress);
        if (IsAny(advertised))
        {
            throw new SettingRefusedException(AdvertisedSetting, $"'{advertised}' is no address others can reach; give this machine's own address.");
        }

        // A socket bound to one outside address never answers on loopback: a silo advertising that is unreachable.
        if (IPAddress.IsLoopback(advertised) && !IPAddress.IsLoopback(listen) && !IsAny(listen))
        {
            throw new SettingRefusedException(AdvertisedSetting, $"'{advertised}' is a loopback address but the silo listens on {listen} only.");
        }

        return new SiloAddresses(listen, advertised);
    }

    /// <summary>This machine's IPv4 addresses on interfaces that are up, loopback included, in interface order.</summary>
    public static IEnumerable<IPAddress> OfThisMachine() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus is OperationalStatus.Up or OperationalStatus.Unknown)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .Where(address => address.AddressFamily == AddressFamily.InterNetwork);

    private static IPAddress FirstReachable(IEnumerable<IPAddress> machineAddresses) =>
        machineAddresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
        ?? throw new SettingRefusedException(AdvertisedSetting,
            $"is not set and this machine has no non-loopback IPv4 address to advertise while {ListenSetting} listens on all of them; set it.");

    /// <summary>
    /// An IP address written out in full. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone also takes
    /// "1" (0.0.0.1) or "010.1" (8.0.0.1), never what an operator meant; host names are not resolved either.
    /// </summary>
    private static IPAddress Parse(string setting, string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new SettingRefusedException(setting, "is empty; give an IP address such as 127.0.0.1, 10.0.0.5 or 0.0.0.0.");
        }

        if (!IPAddress.TryParse(trimmed, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && address.ToString() != trimmed)
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && !trimmed.Contains(':', StringComparison.Ordinal)))
        {
            throw new SettingRefusedException(setting, $"'{trimmed}' is not an IP address (a host name is not accepted); give one such as 10.0.0.5.");
        }

        return address;
    }

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
