namespace Enrolment.Grains.PasswordResets;

/// <summary>
/// This silo's copy of the cluster's decoy secret (<see cref="IDecoySecretGrain"/>): asked once, then read from memory,
/// so that a decoy makes no call a genuine request does not make. A failed first ask is asked again next time.
/// </summary>
public sealed class DecoySecret(IGrainFactory grains)
{
    private readonly Lock _gate = new();
    private Task<byte[]>? _secret;

    public Task<byte[]> GetAsync()
    {
        lock (_gate)
        {
            if (_secret is null || _secret.IsFaulted || _secret.IsCanceled)
            {
                _secret = grains.GetGrain<IDecoySecretGrain>(0).Get();
            }

            return _secret;
        }
    }
}
