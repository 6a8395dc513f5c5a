using System.Data.Common;
using Enrolment.Grains.Interfaces.Operations;
using Orleans.Storage;

namespace Enrolment.Silo.Database;

/// <summary>
/// Grain storage that reports a database failure as <see cref="StorageUnavailableException"/>, which crosses to the
/// gateway (answered <c>503</c> with <c>Retry-After</c>). Call filters only see failures inside a grain call; this also
/// covers the read that activates a grain, which happens before any filter runs.
/// </summary>
internal sealed class DatabaseFailureStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard(() => inner.ClearStateAsync(stateName, grainId, grainState));

    public void Participate(ISiloLifecycle observer) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(observer);

    private static async Task Guard(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (DbException)
        {
            // The provider already logged the driver's error; the caller learns only that nothing was stored.
            throw new StorageUnavailableException();
        }
    }
}

internal static class GrainStorageWrapping
{
    /// <summary>Wraps the grain storage registered under <paramref name="name"/> in a <see cref="DatabaseFailureStorage"/>.</summary>
    public static void ReportDatabaseFailuresOf(this IServiceCollection services, string name) =>
        services.WrapGrainStorage(name, (_, inner) => new DatabaseFailureStorage(inner));

    /// <summary>Replaces the grain storage registered under <paramref name="name"/> by <paramref name="wrap"/> of it.</summary>
    public static void WrapGrainStorage(this IServiceCollection services, string name, Func<IServiceProvider, IGrainStorage, IGrainStorage> wrap)
    {
        var registered = services.Single(d => d.IsKeyedService && Equals(d.ServiceKey, name) && d.ServiceType == typeof(IGrainStorage));
        var create = registered.KeyedImplementationFactory
            ?? throw new InvalidOperationException($"The grain storage '{name}' is not made by a factory.");
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => wrap(provider, (IGrainStorage)create(provider, key)));
    }
}
