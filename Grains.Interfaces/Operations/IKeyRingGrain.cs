namespace Enrolment.Grains.Interfaces.Operations;

/// <summary>
/// The data-protection key ring every gateway shares (it protects enrolment ids and session cookies), kept in grain
/// storage so that it lives in PostgreSQL while gateways hold no database connection. One grain, key 0.
/// </summary>
public interface IKeyRingGrain : IGrainWithIntegerKey
{
    /// <summary>Every key element stored so far, as XML text, oldest first.</summary>
    Task<IReadOnlyList<KeyRingElement>> GetElements();

    /// <summary>Adds one element; storing the same friendly name again replaces it (a retried write stays single).</summary>
    Task Store(KeyRingElement element);
}

[GenerateSerializer, Immutable]
public sealed record KeyRingElement(
    [property: Id(0)] string FriendlyName,
    [property: Id(1)] string Xml)
{
    /// <summary>Orleans writes message bodies into its most verbose logs: this prints no key material.</summary>
    public override string ToString() => $"KeyRingElement {{ FriendlyName = {FriendlyName} }}";
}
