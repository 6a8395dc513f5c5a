using System.Data.Common;
using Enrolment.Grains.Interfaces.Operations;

namespace Enrolment.Silo.Hosting;

/// <summary>
/// Turns a database failure inside a grain call (PostgreSQL restarting, a connection cut) into a
/// <see cref="StorageUnavailableException"/>, which the gateway answers with <c>503</c> and <c>Retry-After</c>.
/// The driver's own exceptions cannot be carried back to the caller, who would otherwise see a bare error.
/// </summary>
internal sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (CameFromTheDatabase(exception))
        {
            LogDatabaseFailure(logger, context.InterfaceName, context.MethodName, exception.GetType().Name);
            throw new StorageUnavailableException();
        }
    }

    private static bool CameFromTheDatabase(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException or StorageUnavailableException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Interface}.{Method}: the database did not answer ({Reason}); nothing was stored")]
    private static partial void LogDatabaseFailure(ILogger logger, string @interface, string method, string reason);
}
