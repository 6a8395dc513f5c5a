using System.Globalization;

namespace Enrolment.Grains.Delivery;

/// <summary>Asks the current hour's ceiling grain for room for one more SMS, before any code is created.</summary>
public static class SmsCeiling
{
    /// <summary>"2026-01-05T08": the UTC hour, with separators so that Orleans keeps it a string key (#9706).</summary>
    public static string KeyOf(DateTimeOffset now) => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    /// <summary>Null when the SMS may be issued; else the refusal (<see cref="RefusalCodes.SmsCeiling"/>) to answer.</summary>
    public static Task<Refusal?> TryTakeAsync(IGrainFactory grains, DateTimeOffset now) =>
        grains.GetGrain<ISmsCeilingGrain>(KeyOf(now)).TryTake();

    /// <summary>As <see cref="TryTakeAsync"/>, same call and cost, but takes no slot: for an SMS that will never leave.</summary>
    public static Task<Refusal?> CheckAsync(IGrainFactory grains, DateTimeOffset now) =>
        grains.GetGrain<ISmsCeilingGrain>(KeyOf(now)).Check();
}
