namespace Enrolment.Silo.Delivery;

/// <summary>Where the daily print batch files for the print house are written (section <c>Delivery:Letters:PrintBatch</c>).</summary>
public sealed class PrintBatchOptions
{
    public const string SectionName = "Delivery:Letters:PrintBatch";

    /// <summary>The folder shared with the print house; every silo on the machine appends to the same files.</summary>
    public string? Directory { get; set; }

    /// <summary>The time zone whose calendar day names the batch file: the print house's day, not UTC's.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>How long to wait for another process to release a batch file before giving up (the outbox retries).</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);
}
