using Enrolment.Grains.Interfaces.FranceConnect;

namespace Enrolment.Grains.Accounts;

/// <summary>The account grain: the FranceConnect identity linked to the account, and how the member may sign in.</summary>
public sealed partial class AccountGrain
{
    public Task<SignInMethods> GetSignInMethods() =>
        Task.FromResult(new SignInMethods(State.PasswordHash is not null, State.Exists ? State.FranceConnectSubject : null));

    public async Task<string?> RecordFranceConnectLink(string subject)
    {
        var previous = State.FranceConnectSubject;
        if (!State.Exists || previous == subject)
        {
            return null;
        }

        State.FranceConnectSubject = subject;
        Audit(time.GetUtcNow(), FranceConnectAuditKinds.Linked);
        await SaveAsync();
        return previous;
    }

    public async Task ForgetFranceConnectLink(string subject)
    {
        if (!State.Exists || State.FranceConnectSubject != subject)
        {
            return;
        }

        State.FranceConnectSubject = null;
        Audit(time.GetUtcNow(), FranceConnectAuditKinds.Unlinked);
        await SaveAsync();
    }
}
