using Enrolment.Grains.Interfaces.FranceConnect;

namespace Enrolment.Grains.Enrolments;

/// <summary>
/// FranceConnect flow (b): the member number typed to link an identity goes through this member's limits, so that
/// the link proof and step 5 share one count over 24 h and one lock. The link grain keeps its own count by <c>sub</c>.
/// </summary>
public sealed partial class EnrolmentGrain
{
    public async Task<LinkProof> ProveFranceConnectLink(string subject, string typedMemberNumber)
    {
        var now = time.GetUtcNow();
        if (LockRefusal(now) is { } locked)
        {
            return new LinkProof(false, 0, locked.RetryAfterSeconds);
        }

        if (!string.Equals(typedMemberNumber, MemberNumber, StringComparison.Ordinal))
        {
            Audit(AuditKinds.MemberNumberMismatch, "franceconnect");
            var lockedNow = CountMemberNumberMismatch(now) is not null;
            await SaveStepAsync();
            if (lockedNow)
            {
                return new LinkProof(false, 0, LockRefusal(now)!.RetryAfterSeconds);
            }
        }

        return await GrainFactory.GetGrain<IFranceConnectLinkGrain>(subject).Prove(MemberNumber, typedMemberNumber);
    }
}
