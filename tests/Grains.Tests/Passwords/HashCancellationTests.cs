using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Passwords;
using Enrolment.Grains.Tests.Fixtures;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Passwords;

/// <summary>
/// A password step whose caller has gone (the HTTP request aborted) while its hash waits in the silo's queue costs no
/// hash: the cancellation crosses the grain call down to the queue. The step is then as if never asked.
/// </summary>
public sealed class HashCancellationTests(HashCancellationTests.HeldCluster fixture) : IClassFixture<HashCancellationTests.HeldCluster>
{
    private const string NewPassword = "Automne2026rouge";

    private readonly JourneyDriver _driver = new(fixture);

    [Fact]
    public async Task The_enrolments_password_step_drops_its_queued_hash_when_the_caller_goes()
    {
        var member = TestMembers.Next();
        var id = await _driver.AtCreatePassword(member);

        await DroppedWhenTheCallerGoes(gone => _driver.GrainOf(member).CreatePassword(id, NewPassword, NewPassword, gone));

        (await _driver.GrainOf(member).CreatePassword(id, NewPassword, NewPassword)).ShouldSucceed();
    }

    [Fact]
    public async Task Sign_in_drops_its_queued_hash_when_the_caller_goes_and_counts_no_failure()
    {
        var member = await MemberWithPassword(fixture);
        var account = AccountOf(fixture, member);

        await DroppedWhenTheCallerGoes(gone => account.SignIn("Mauvais2024mot", gone));

        Assert.DoesNotContain(await account.GetAuditTrail(), e => e.Kind == AuditKinds.SignInFailed);
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(Password)).Status);
    }

    [Fact]
    public async Task First_login_drops_its_queued_hash_when_the_caller_goes()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var account = AccountOf(fixture, member);
        var firstLoginId = (await account.SignIn(ProvisionalCode)).FirstLoginId!.Value;
        var request = new FirstLoginRequest(Email, NewPassword, NewPassword);

        await DroppedWhenTheCallerGoes(gone => account.CompleteFirstLogin(firstLoginId, request, gone));

        Assert.Equal(SignInStatus.SignedIn, (await account.CompleteFirstLogin(firstLoginId, request)).Status);
    }

    [Fact]
    public async Task The_resets_password_step_drops_its_queued_hash_when_the_caller_goes()
    {
        var member = await MemberWithPassword(fixture);
        var reset = fixture.Grains.GetGrain<IPasswordResetGrain>(member.MemberNumber);
        var resetId = (await reset.Start(member.BirthDate)).View!.ResetId;
        Assert.True((await reset.SubmitCode(resetId, await CodeSentTo(fixture, member.MobilePhone!))).Succeeded);

        await DroppedWhenTheCallerGoes(gone => reset.SetPassword(resetId, NewPassword, NewPassword, gone));

        Assert.Equal(SignInStatus.SignedIn, (await AccountOf(fixture, member).SignIn(Password)).Status);
        Assert.Equal(ResetStep.Completed, (await reset.SetPassword(resetId, NewPassword, NewPassword)).View?.Step);
    }

    /// <summary>Holds the queue, makes the call, waits for its hash to queue, then the caller goes: that hash never runs.</summary>
    private async Task DroppedWhenTheCallerGoes(Func<CancellationToken, Task> call)
    {
        var hasher = fixture.Hasher;
        var dropped = hasher.Dropped;
        hasher.Hold();
        try
        {
            using var caller = new CancellationTokenSource();
            var pending = call(caller.Token);
            await Eventually.True(() => Task.FromResult(hasher.Waiting == 1), "the hash queued");

            await caller.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
            await Eventually.True(() => Task.FromResult(hasher.Dropped == dropped + 1), "the queued hash dropped");
        }
        finally
        {
            hasher.Release();
        }
    }

    /// <summary>The shared test cluster, whose hashes can be held in a queue.</summary>
    public sealed class HeldCluster : WrappedHasherCluster<HeldHasher>
    {
        protected override HeldHasher Wrap(IPasswordHasher real) => new(real);
    }

    /// <summary>A queue in front of the real hasher that the test opens and closes, counting hashes dropped while waiting.</summary>
    public sealed class HeldHasher(IPasswordHasher inner) : IPasswordHasher
    {
        private TaskCompletionSource _open = Opened();
        private int _waiting;
        private int _dropped;

        public int Waiting => Volatile.Read(ref _waiting);

        public int Dropped => Volatile.Read(ref _dropped);

        public void Hold() => _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _open.TrySetResult();

        public async Task<string> HashAsync(string secret, CancellationToken cancellationToken = default)
        {
            await WaitTurnAsync(cancellationToken);
            return await inner.HashAsync(secret, cancellationToken);
        }

        public async Task<SecretCheck> VerifyAsync(string secret, string storedHash, CancellationToken cancellationToken = default)
        {
            await WaitTurnAsync(cancellationToken);
            return await inner.VerifyAsync(secret, storedHash, cancellationToken);
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }

        private async Task WaitTurnAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _dropped);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }
}
