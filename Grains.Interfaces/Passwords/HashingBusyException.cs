namespace Enrolment.Grains.Interfaces.Passwords;

/// <summary>
/// The silo's password-hashing queue already holds more work than it may wait for: nothing was hashed and nothing
/// changed. The gateway answers <c>503 busy</c> with <c>Retry-After</c>.
/// </summary>
[GenerateSerializer]
public sealed class HashingBusyException : Exception
{
    public HashingBusyException()
        : this(1)
    {
    }

    public HashingBusyException(int retryAfterSeconds)
        : base("Password hashing is busy: try again shortly.") => RetryAfterSeconds = retryAfterSeconds;

    public HashingBusyException(string message)
        : base(message)
    {
    }

    public HashingBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    [Id(0)] public int RetryAfterSeconds { get; init; } = 1;
}
