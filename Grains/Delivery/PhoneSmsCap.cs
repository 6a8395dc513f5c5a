using System.Security.Cryptography;
using System.Text;

namespace Enrolment.Grains.Delivery;

/// <summary>Asks the phone number's cap grain for room for one more SMS, before any code is created.</summary>
public static class PhoneSmsCap
{
    /// <summary>A digest of the number, so that grain ids in logs and storage do not spell phone numbers out.</summary>
    public static string KeyOf(string phone) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sms-cap:" + phone)));

    /// <summary>Null when the SMS may be issued; else the refusal (<see cref="RefusalCodes.TooManyCodes"/>) to answer.</summary>
    public static Task<Refusal?> TryTakeAsync(IGrainFactory grains, string phone) =>
        grains.GetGrain<IPhoneSmsCapGrain>(KeyOf(phone)).TryTake();
}
