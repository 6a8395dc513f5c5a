namespace Enrolment.Grains.Interfaces.FranceConnect;

/// <summary>What the FranceConnect link's audit trail records (docs/franceconnect.md).</summary>
public static class FranceConnectAuditKinds
{
    public const string Enrolled = "franceconnect-enrolled";
    public const string Linked = "franceconnect-linked";
    public const string ProofMismatch = "franceconnect-proof-mismatch";
    public const string ProofLocked = "franceconnect-proof-locked";
    public const string Unlinked = "franceconnect-unlinked";
}
