using System.Xml.Linq;
using Enrolment.Grains.Interfaces.Operations;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Enrolment.Gateway.Http.Keys;

/// <summary>
/// Data-protection keys kept by <see cref="IKeyRingGrain"/>, so every gateway reads the same ring from PostgreSQL
/// without a database connection of its own. Data protection calls this synchronously, sometimes before the cluster
/// client has connected: calls retry until a deadline, and the last ring read stands in when the cluster is away.
/// </summary>
public sealed class GrainKeyRepository(IServiceProvider services, ILogger<GrainKeyRepository> logger) : IXmlRepository
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    private volatile IReadOnlyCollection<XElement>? lastRead;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            var elements = WithRetries(ring => ring.GetElements());
            var parsed = elements.Select(element => XElement.Parse(element.Xml)).ToArray();
            lastRead = parsed;
            return parsed;
        }
        catch (Exception exception) when (lastRead is { } known)
        {
            logger.LogWarning(exception, "Key ring unreachable; using the {Count} keys read before", known.Count);
            return known;
        }
    }

    public void StoreElement(XElement element, string friendlyName) =>
        WithRetries(async ring =>
        {
            await ring.Store(new KeyRingElement(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
            return true;
        });

    private T WithRetries<T>(Func<IKeyRingGrain, Task<T>> call) =>
        Task.Run(async () =>
        {
            var deadline = DateTime.UtcNow + Deadline;
            while (true)
            {
                try
                {
                    var ring = services.GetRequiredService<IGrainFactory>().GetGrain<IKeyRingGrain>(0);
                    return await call(ring).WaitAsync(Deadline);
                }
                catch (Exception exception) when (DateTime.UtcNow < deadline && exception is not TimeoutException)
                {
                    // Typically the cluster client still connecting at start-up.
                    logger.LogDebug(exception, "Key ring not reachable yet; retrying");
                    await Task.Delay(RetryPause);
                }
            }
        }).GetAwaiter().GetResult();
}
