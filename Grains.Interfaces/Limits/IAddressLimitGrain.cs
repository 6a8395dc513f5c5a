namespace Enrolment.Grains.Interfaces.Limits;

/// <summary>
/// One per-address limit's count for one client address (key: <see cref="AddressLimitKey.Of"/>), shared by every
/// gateway: one activation per (policy, address), so no grain sees every address and two gateways give no more tries
/// than one.
/// </summary>
public interface IAddressLimitGrain : IGrainWithStringKey
{
    /// <summary>Counts one try in the current minute; refused once <paramref name="permitsPerMinute"/> were taken.</summary>
    Task<LimitAnswer> TryTake(int permitsPerMinute);
}

/// <summary>Whether a try is allowed, and when refused, the seconds left in the window.</summary>
[GenerateSerializer, Immutable]
public sealed record LimitAnswer([property: Id(0)] bool Allowed, [property: Id(1)] int RetryAfterSeconds);
