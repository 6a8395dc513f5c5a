namespace Enrolment.Grains.Interfaces.Operations;

/// <summary>Lets a gateway ask a silo whether it and its database answer. A stateless worker (key 0).</summary>
public interface IHealthGrain : IGrainWithIntegerKey
{
    /// <summary>True when the silo answering could reach the database just now.</summary>
    Task<bool> DatabaseAnswers();
}
