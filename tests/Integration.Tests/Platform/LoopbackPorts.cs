using System.Net;
using System.Net.Sockets;

namespace Enrolment.Integration.Tests.Platform;

/// <summary>Ports on 127.0.0.1 for the processes a test starts, so that tests never depend on the defaults being free.</summary>
public static class LoopbackPorts
{
    /// <summary>A port nothing listens on now (the system picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Whether nothing accepts connections on this port.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
