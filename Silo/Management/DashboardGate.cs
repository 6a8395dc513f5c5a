using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Enrolment.Silo.Management;

/// <summary>
/// Who may open the dashboard: anyone in Development when the listener is on loopback only; elsewhere whoever
/// presents <see cref="ManagementSettings.DashboardPassword"/> over HTTP Basic. Without a password it is refused
/// to everyone (401) rather than open: the dashboard shows the cluster's inner workings.
/// </summary>
public sealed class DashboardGate(ManagementSettings settings, bool openOnLoopback)
{
    public const string Path = "/dashboard";

    public static bool IsLoopbackOnly(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(url => new Uri(url).Host is var host && (host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))));

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (openOnLoopback || Presents(context.Request, settings))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans dashboard\", charset=\"UTF-8\"";
    }

    private static bool Presents(HttpRequest request, ManagementSettings settings)
    {
        if (string.IsNullOrEmpty(settings.DashboardPassword)
            || request.Headers.Authorization.ToString() is not { } header
            || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var expected = Encoding.UTF8.GetBytes($"{settings.DashboardUser}:{settings.DashboardPassword}");
        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(header["Basic ".Length..].Trim()), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
