namespace Enrolment.Grains.Delivery;

/// <summary>What one phone number's cap grain keeps (state name "phone-sms-cap"): when codes were sent to it.</summary>
[GenerateSerializer]
public sealed class PhoneSmsCapState
{
    [Id(0)] public List<DateTimeOffset> Sends { get; set; } = [];
}

/// <summary>
/// One phone number's count of SMS codes over <see cref="SmsCeilingOptions.PhoneWindow"/>, across members. Stored
/// on each SMS so that a silo restart does not open the cap again; only numbers that received a code have a row.
/// </summary>
public sealed class PhoneSmsCapGrain(
    [PersistentState("phone-sms-cap", StorageNames.Store)] IPersistentState<PhoneSmsCapState> sends,
    IOptionsMonitor<SmsCeilingOptions> options,
    TimeProvider time,
    ILogger<PhoneSmsCapGrain> logger)
    : Grain, IPhoneSmsCapGrain
{
    public async Task<Refusal?> TryTake()
    {
        var now = time.GetUtcNow();
        var (cap, window) = (options.CurrentValue.MaxPerPhone, options.CurrentValue.PhoneWindow);
        var recent = sends.State.Sends.Where(at => at > now - window).Order().ToList();
        if (recent.Count >= cap)
        {
            logger.LogWarning("SMS cap of one phone number reached: {Cap} codes in {Window}", cap, window);
            var wait = recent[recent.Count - cap] + window - now;
            return new Refusal(RefusalCodes.TooManyCodes, RetryAfterSeconds: Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
        }

        sends.State.Sends = [.. recent, now];
        await sends.WriteStateAsync();
        return null;
    }
}
