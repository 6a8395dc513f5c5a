namespace Enrolment.Grains.Delivery;

/// <summary>
/// Codes sent to one phone number over a sliding window, whichever members asked (key: <see cref="PhoneSmsCap.KeyOf"/>),
/// against SMS pumping to one premium number through many member numbers.
/// </summary>
public interface IPhoneSmsCapGrain : IGrainWithStringKey
{
    /// <summary>Counts one SMS about to be issued to this number; or the refusal to give when its cap is reached.</summary>
    Task<Refusal?> TryTake();
}
