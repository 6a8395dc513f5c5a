using System.Net;

namespace Enrolment.LoadTest.Engine;

/// <summary>A load is only ever sent to this machine: 127.0.0.0/8, ::1 or "localhost".</summary>
public static class LoopbackTarget
{
    public static bool IsLoopback(Uri target) =>
        target.IsAbsoluteUri
        && target.Scheme is "http" or "https"
        && (string.Equals(target.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(target.DnsSafeHost, out var address) && IPAddress.IsLoopback(address)));

    public static void Ensure(Uri target)
    {
        if (!IsLoopback(target))
        {
            throw new ArgumentException(
                $"The target must be a loopback address (127.0.0.1, ::1 or localhost), not '{target}'.", nameof(target));
        }
    }
}
