using Enrolment.Grains.Accounts;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Passwords;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>
/// What a failed sign-in costs and leaves behind must not tell whether the number has an account, nor what it
/// holds: one slow hash each time, and nothing stored for a number without an account.
/// </summary>
public sealed class SignInCostTests(SignInCostTests.CountingCluster fixture) : IClassFixture<SignInCostTests.CountingCluster>
{
    private const string Wrong = "Mauvais2024mot";

    [Fact]
    public async Task A_failed_sign_in_costs_one_hash_whatever_the_account_holds()
    {
        var unknown = NewMember(fixture);
        var withPassword = await MemberWithPassword(fixture);
        var withCode = await MemberWithProvisionalCode(fixture);
        var withBoth = await MemberWithPassword(fixture);
        await AccountOf(fixture, withBoth).IssueProvisionalCode(Guid.NewGuid(), await Hasher(fixture).HashAsync(ProvisionalCode), fixture.Time.GetUtcNow().AddDays(30));

        foreach (var (member, secret) in new[] { (unknown, Wrong), (withPassword, Wrong), (withCode, Wrong), (withBoth, Wrong), (withBoth, "ABCDEFGHJK") })
        {
            var before = fixture.Counter.Verifications;
            Assert.Equal(RefusalCodes.InvalidCredentials, (await AccountOf(fixture, member).SignIn(secret)).Refusal?.Code);
            Assert.Equal(1, fixture.Counter.Verifications - before);
        }

        // Both secrets still work, each with its single hash.
        Assert.Equal(SignInStatus.SignedIn, (await AccountOf(fixture, withBoth).SignIn(Password)).Status);
        Assert.Equal(SignInStatus.FirstLoginRequired, (await AccountOf(fixture, withBoth).SignIn(ProvisionalCode.ToLowerInvariant())).Status);
    }

    [Fact]
    public async Task A_number_without_an_account_locks_like_a_real_one_and_leaves_no_stored_row()
    {
        var member = NewMember(fixture);
        var account = AccountOf(fixture, member);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn(Wrong)).Refusal?.Code);
        }

        Assert.Equal(RefusalCodes.Locked, (await account.SignIn(Wrong)).Refusal?.Code);
        var storage = fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.Store);
        var stored = new GrainState<AccountState>(new AccountState());
        await storage.ReadStateAsync("account", account.GetGrainId(), stored);
        Assert.False(stored.RecordExists);
        Assert.Null(stored.ETag);
    }

    /// <summary>The shared test cluster, whose hasher counts verifications.</summary>
    public sealed class CountingCluster : WrappedHasherCluster<CountingHasher>
    {
        public CountingHasher Counter => Hasher;

        protected override CountingHasher Wrap(IPasswordHasher real) => new(real);
    }

    public sealed class CountingHasher(IPasswordHasher inner) : IPasswordHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public Task<string> HashAsync(string secret, CancellationToken cancellationToken = default) => inner.HashAsync(secret, cancellationToken);

        public Task<SecretCheck> VerifyAsync(string secret, string storedHash, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _verifications);
            return inner.VerifyAsync(secret, storedHash, cancellationToken);
        }
    }
}
