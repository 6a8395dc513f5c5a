using Enrolment.Grains.Accounts;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.FranceConnect;
using Orleans.Runtime;

namespace Enrolment.Grains.FranceConnect;

/// <summary>
/// One FranceConnect identity's link to an account (key: the provider's <c>sub</c>). The member-number proof uses
/// enrolment's attempt count and lock duration, so that both doors to an account give a guesser the same odds.
/// </summary>
public sealed class FranceConnectLinkGrain(
    [PersistentState("franceconnect-link", StorageNames.Store)] IPersistentState<FranceConnectLinkState> stored,
    IOptions<EnrolmentOptions> options,
    TimeProvider time) : Grain, IFranceConnectLinkGrain
{
    private const int AuditKept = 50;

    private FranceConnectLinkState State => stored.State;

    public Task<string?> GetMemberNumber() => Task.FromResult(State.MemberNumber);

    public async Task<LinkProof> Prove(string matchedMemberNumber, string typedMemberNumber)
    {
        var now = time.GetUtcNow();
        if (State.LockedUntil is { } until && until > now)
        {
            return Locked(until, now);
        }

        if (MemberNumber.TryNormalise(typedMemberNumber, out var typed) && typed == matchedMemberNumber)
        {
            await Link(matchedMemberNumber);
            return new LinkProof(true, 0, null);
        }

        State.FailuresInARow++;
        var attempts = options.Value.MemberNumberAttempts;
        Audit(now, FranceConnectAuditKinds.ProofMismatch);
        if (State.FailuresInARow >= attempts)
        {
            State.FailuresInARow = 0;
            State.LockedUntil = now + options.Value.LockDuration;
            Audit(now, FranceConnectAuditKinds.ProofLocked);
            await stored.WriteStateAsync();
            return Locked(State.LockedUntil.Value, now);
        }

        await stored.WriteStateAsync();
        return new LinkProof(false, attempts - State.FailuresInARow, null);
    }

    /// <summary>
    /// Links here, then on the account: an account holds one identity, so the one it held before is unlinked.
    /// Calls go one way only (link → account, link → link), never back, so no two grains wait on each other.
    /// </summary>
    public async Task Link(string memberNumber)
    {
        if (State.MemberNumber is { } other && other != memberNumber)
        {
            await Account(other).ForgetFranceConnectLink(Subject);
        }

        if (State.MemberNumber != memberNumber || State.FailuresInARow != 0 || State.LockedUntil is not null)
        {
            State.MemberNumber = memberNumber;
            State.FailuresInARow = 0;
            State.LockedUntil = null;
            Audit(time.GetUtcNow(), FranceConnectAuditKinds.Linked);
            await stored.WriteStateAsync();
        }

        if (await Account(memberNumber).RecordFranceConnectLink(Subject) is { } previous)
        {
            await GrainFactory.GetGrain<IFranceConnectLinkGrain>(previous).Unlink();
        }
    }

    public async Task Unlink()
    {
        if (State.MemberNumber is not { } memberNumber)
        {
            return;
        }

        State.MemberNumber = null;
        Audit(time.GetUtcNow(), FranceConnectAuditKinds.Unlinked);
        await stored.WriteStateAsync();
        await Account(memberNumber).ForgetFranceConnectLink(Subject);
    }

    public Task<IReadOnlyList<AuditEvent>> GetAuditTrail() => Task.FromResult<IReadOnlyList<AuditEvent>>(State.Audit.ToList());

    private string Subject => this.GetPrimaryKeyString();

    private IAccountGrain Account(string memberNumber) => GrainFactory.GetGrain<IAccountGrain>(memberNumber);

    private static LinkProof Locked(DateTimeOffset until, DateTimeOffset now) =>
        new(false, 0, Math.Max(1, (int)Math.Ceiling((until - now).TotalSeconds)));

    private void Audit(DateTimeOffset at, string kind) => AuditTrail.Append(State.Audit, new AuditEvent(at, kind), AuditKept);
}
