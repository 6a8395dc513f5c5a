using System.Security.Cryptography;
using Orleans.Runtime;
using Orleans.Storage;

namespace Enrolment.Grains.PasswordResets;

/// <summary>The cluster's one decoy secret (key 0), from which every unknown number's decoy key is derived.</summary>
public interface IDecoySecretGrain : IGrainWithIntegerKey
{
    /// <summary>The secret, created and stored on first need.</summary>
    Task<byte[]> Get();
}

/// <summary>What <see cref="DecoySecretGrain"/> keeps (state name "decoy-secret").</summary>
[GenerateSerializer]
public sealed class DecoySecretState
{
    [Id(0)] public byte[] Secret { get; set; } = [];
}

/// <summary>
/// Stores one random secret for the whole cluster, so that an unknown number's decoy shows the same digits on every
/// silo and after every restart while nothing is stored for the number itself.
/// </summary>
public sealed class DecoySecretGrain(
    [PersistentState("decoy-secret", StorageNames.Store)] IPersistentState<DecoySecretState> stored) : Grain, IDecoySecretGrain
{
    public async Task<byte[]> Get()
    {
        if (stored.State.Secret.Length > 0)
        {
            return stored.State.Secret;
        }

        stored.State.Secret = RandomNumberGenerator.GetBytes(32);
        try
        {
            await stored.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Another activation stored one first (a rare double activation): that one is the cluster's.
            await stored.ReadStateAsync();
        }

        return stored.State.Secret;
    }
}
