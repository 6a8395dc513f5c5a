using System.Threading.RateLimiting;

namespace Enrolment.Gateway.Http.Limits;

/// <summary>A lease from the cluster's count: granted, or refused with the seconds left in the window.</summary>
public sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly WindowLease Granted = new(true, null);
    public static readonly WindowLease Undecided = new(false, null);

    public static WindowLease Refused(int retryAfterSeconds) => new(false, TimeSpan.FromSeconds(retryAfterSeconds));

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = retryAfter;
        return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
    }
}
