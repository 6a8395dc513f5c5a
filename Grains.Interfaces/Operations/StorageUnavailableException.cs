namespace Enrolment.Grains.Interfaces.Operations;

/// <summary>
/// The database did not answer a grain's read or write: nothing was stored, and the same call may be tried again
/// shortly. Raised in place of the database driver's own exception, which cannot cross from silo to gateway.
/// An <see cref="OrleansException"/>, so that the runtime passes it on as it is rather than wrapped.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : OrleansException
{
    public StorageUnavailableException()
        : base("The database did not answer; nothing was stored.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
