namespace Enrolment.Grains.Delivery;

/// <summary>
/// The cluster-wide count of SMS codes issued in one hour (key: <see cref="SmsCeiling.KeyOf"/>), against SMS pumping:
/// past the ceiling no code is created until the next hour.
/// </summary>
public interface ISmsCeilingGrain : IGrainWithStringKey
{
    /// <summary>Counts one SMS about to be issued; or the refusal to give the member when the hour's ceiling is reached.</summary>
    Task<Refusal?> TryTake();

    /// <summary>The refusal <see cref="TryTake"/> would give, without counting: for answers that send no SMS (decoys).</summary>
    Task<Refusal?> Check();
}
