using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Enrolment.Gateway.Tests.Infrastructure;

/// <summary>
/// Every test gateway's requests come from an address of their own: per-address counts live in the shared test
/// cluster, and TestServer gives no remote address, so without this all tests would spend one client's minute.
/// </summary>
public sealed class OwnClientAddress : IStartupFilter
{
    private static int _next;

    private readonly IPAddress _address = new(BitConverter.GetBytes(0xC6120000u + (uint)Interlocked.Increment(ref _next)).Reverse().ToArray());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= _address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
