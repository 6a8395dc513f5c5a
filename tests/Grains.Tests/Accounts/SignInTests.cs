using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Interfaces.Vocabulary;
using Enrolment.Grains.Passwords;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.Options;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class SignInTests(ClusterFixture fixture)
{
    private IAccountGrain Account(string memberNumber) => fixture.Grains.GetGrain<IAccountGrain>(memberNumber);

    [Fact]
    public async Task Right_password_signs_in_with_the_profile()
    {
        var member = await MemberWithPassword(fixture);

        var outcome = await Account(member.MemberNumber).SignIn(Password);

        Assert.Equal(SignInStatus.SignedIn, outcome.Status);
        Assert.Equal(new AccountProfile(member.MemberNumber, "PAUL COMET", Email, 1), outcome.Profile);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_sign_in_for_a_minute_even_for_the_right_password()
    {
        var account = Account((await MemberWithPassword(fixture)).MemberNumber);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn("wrong" + i)).Refusal?.Code);
        }

        var locked = await account.SignIn(Password);
        Assert.Equal(RefusalCodes.Locked, locked.Refusal?.Code);
        Assert.Equal(60, locked.Refusal?.RetryAfterSeconds);

        await fixture.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(1, (await account.SignIn(Password)).Refusal?.RetryAfterSeconds);

        await fixture.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(Password)).Status);
    }

    [Fact]
    public async Task Each_further_failure_doubles_the_lock_up_to_an_hour()
    {
        var account = Account((await MemberWithPassword(fixture)).MemberNumber);
        for (var i = 0; i < 5; i++)
        {
            await account.SignIn("wrong");
        }

        var expectedMinutes = new[] { 2, 4, 8, 16, 32, 60, 60 };
        var lockedFor = 60;
        foreach (var minutes in expectedMinutes)
        {
            await fixture.Advance(TimeSpan.FromSeconds(lockedFor));
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn("wrong")).Refusal?.Code);
            var locked = await account.SignIn(Password);
            Assert.Equal(RefusalCodes.Locked, locked.Refusal?.Code);
            Assert.Equal(minutes * 60, locked.Refusal?.RetryAfterSeconds);
            lockedFor = minutes * 60;
        }

        await fixture.Advance(TimeSpan.FromHours(1));
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(Password)).Status);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_failures()
    {
        var account = Account((await MemberWithPassword(fixture)).MemberNumber);
        for (var i = 0; i < 4; i++)
        {
            await account.SignIn("wrong");
        }

        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(Password)).Status);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn("wrong")).Refusal?.Code);
        }

        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(Password)).Status);
    }

    [Fact]
    public async Task A_number_without_an_account_answers_and_locks_like_a_wrong_password()
    {
        var account = Account(NewMember(fixture).MemberNumber);

        for (var i = 0; i < 5; i++)
        {
            var outcome = await account.SignIn(Password);
            Assert.Equal(new Refusal(RefusalCodes.InvalidCredentials), outcome.Refusal);
        }

        Assert.Equal(60, (await account.SignIn(Password)).Refusal?.RetryAfterSeconds);
        Assert.False(await account.Exists());
    }

    [Fact]
    public async Task A_hash_weaker_than_configured_is_replaced_at_sign_in()
    {
        var member = NewMember(fixture);
        using var weak = new Argon2PasswordHasher(Options.Create(new PasswordHashingOptions { MemoryKib = 64, Passes = 1 }));
        await Account(member.MemberNumber).Create(NewAccount(await weak.HashAsync(Password), null, null));

        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);
        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);

        var trail = await Account(member.MemberNumber).GetAuditTrail();
        Assert.Single(trail, e => e.Kind == AuditKinds.PasswordRehashed);
    }

    [Fact]
    public async Task Creating_again_from_the_same_or_another_enrolment_changes_nothing()
    {
        var member = await MemberWithPassword(fixture);
        await Account(member.MemberNumber).Create(NewAccount(await Hasher(fixture).HashAsync("Autre2024mot"), null, null));

        Assert.Equal(SignInStatus.SignedIn, (await Account(member.MemberNumber).SignIn(Password)).Status);
    }

    [Fact]
    public async Task The_audit_trail_holds_no_secret()
    {
        var member = await MemberWithPassword(fixture);
        await Account(member.MemberNumber).SignIn("wrongSecret1");
        await Account(member.MemberNumber).SignIn(Password);

        var trail = await Account(member.MemberNumber).GetAuditTrail();

        Assert.Equal([AuditKinds.AccountCreated, AuditKinds.SignInFailed, AuditKinds.SignedIn], trail.Select(e => e.Kind));
        Assert.DoesNotContain(trail, e => (e.Detail ?? "").Contains("wrongSecret1", StringComparison.Ordinal) || (e.Detail ?? "").Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_signed_out_is_no_longer_recognised_and_the_others_are()
    {
        var account = Account((await MemberWithPassword(fixture)).MemberNumber);
        var (signedOut, stillOn) = (Guid.NewGuid(), Guid.NewGuid());

        await account.EndSession(signedOut, fixture.Time.GetUtcNow().AddMinutes(30));

        Assert.Null(await account.GetSession(signedOut));
        Assert.NotNull(await account.GetSession(stillOn));
    }
}
