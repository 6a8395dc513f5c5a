using Enrolment.Grains.Interfaces.Accounts;

namespace Enrolment.Grains.Accounts;

/// <summary>A member's credentials once enrolled (key: the ten-digit member number).</summary>
public sealed class AccountGrain([PersistentState("account", StorageNames.Store)] IPersistentState<AccountState> store) : Grain, IAccountGrain
{
    public Task<bool> Exists() => Task.FromResult(store.State.Account is not null);

    /// <summary>The first enrolment to finish creates the account; a repeat of the same creation changes nothing.</summary>
    public async Task Create(NewAccount account)
    {
        if (store.State.Account is not null)
        {
            return;
        }

        store.State.Account = account;
        await store.WriteStateAsync();
    }
}
