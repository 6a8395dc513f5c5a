namespace Enrolment.Grains.Codes;

/// <summary>
/// What is kept of a one-time code once sent: a keyed hash of it (never the code), when it stops working,
/// how many wrong tries it still takes, and whether it was used.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record IssuedCode(
    [property: Id(0)] string Salt,
    [property: Id(1)] string Hash,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset ExpiresAt,
    [property: Id(4)] int AttemptsLeft,
    [property: Id(5)] bool Used = false);

/// <summary>The verdict on one code typed by a member.</summary>
public enum CodeVerdict
{
    Accepted,

    /// <summary>Wrong, and tries remain.</summary>
    Mismatch,

    /// <summary>Wrong, and that was the last try: the code is void.</summary>
    Exhausted,

    Expired,

    /// <summary>Already accepted once, or voided by too many wrong tries.</summary>
    Void,
}
