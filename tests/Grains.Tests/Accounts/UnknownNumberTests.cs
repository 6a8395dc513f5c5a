using Enrolment.Grains.Accounts;
using Enrolment.Grains.Enrolments;
using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.PasswordResets;
using Enrolment.Grains.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

/// <summary>
/// A number no member has must answer, over time, as a member's does: the same decoy digits and the same counts once
/// its activation is gone, on any silo, with nothing stored for it.
/// </summary>
public sealed class UnknownNumberTests(UnknownNumberTests.TwoSilos fixture) : IClassFixture<UnknownNumberTests.TwoSilos>
{
    private const string Wrong = "Mauvais2024mot";
    private static readonly DateOnly BirthDate = new(1985, 8, 1);
    private static readonly TimeSpan PastMemory = new AccountOptions().UnknownNumberMemory + TimeSpan.FromMinutes(1);

    private IPasswordResetGrain Reset(string memberNumber) => fixture.Grains.GetGrain<IPasswordResetGrain>(memberNumber);

    [Fact]
    public async Task An_unknown_number_shows_the_same_digits_once_its_activation_is_gone()
    {
        var (unknown, first) = await UnknownNumberShowingAPhone();
        Assert.Equal(RefusalCodes.CodeMismatch, (await Reset(unknown).SubmitCode(first.ResetId, "000000")).Refusal?.Code);

        await fixture.Advance(PastMemory);
        await fixture.Cluster.DeactivateAsync(Reset(unknown));
        var again = (await Reset(unknown).Start(BirthDate)).View!;

        Assert.Equal(first.Step, again.Step);
        Assert.Equal(first.MaskedPhone, again.MaskedPhone);
        Assert.NotEqual(first.ResetId, again.ResetId);
        Assert.False((await fixture.ReadStoredState<PasswordResetState>("password-reset", Reset(unknown).GetGrainId())).Exists);
    }

    [Fact]
    public async Task An_unknown_numbers_request_id_answers_as_a_members_once_its_activation_is_gone()
    {
        var member = await MemberWithPassword(fixture);
        var real = (await Reset(member.MemberNumber).Start(BirthDate)).View!;
        var (unknown, decoy) = await UnknownNumberShowingAPhone();

        await fixture.Advance(PastMemory);
        await fixture.Cluster.DeactivateAsync(Reset(member.MemberNumber));
        await fixture.Cluster.DeactivateAsync(Reset(unknown));

        Assert.Equal(RefusalCodes.ResetExpired, (await Reset(member.MemberNumber).Get(real.ResetId)).Refusal?.Code);
        Assert.Equal(RefusalCodes.ResetExpired, (await Reset(unknown).Get(decoy.ResetId)).Refusal?.Code);
        Assert.Equal(RefusalCodes.UnknownReset, (await Reset(unknown).Get(Guid.NewGuid())).Refusal?.Code);
        Assert.Equal(RefusalCodes.ResetExpired, (await Reset(unknown).SubmitCode(decoy.ResetId, "123456")).Refusal?.Code);
        Assert.False((await fixture.ReadStoredState<PasswordResetState>("password-reset", Reset(unknown).GetGrainId())).Exists);
    }

    [Fact]
    public async Task Every_silo_derives_an_unknown_numbers_decoy_from_the_same_stored_secret()
    {
        var (unknown, view) = await UnknownNumberShowingAPhone();
        var shown = view.MaskedPhone;

        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IDecoySecretGrain>(0));
        foreach (var silo in fixture.Cluster.Silos)
        {
            // A fresh copy, as a silo started later would make: it reads the stored secret back.
            var secret = await new DecoySecret(silo.ServiceProvider.GetRequiredService<IGrainFactory>()).GetAsync();
            Assert.Equal(shown, DecoyReset.MaskedPhone(DecoyReset.KeyOf(secret, unknown), BirthDate));
        }
    }

    [Fact]
    public async Task An_unknown_numbers_send_count_lasts_as_long_as_a_members()
    {
        var member = await MemberWithPassword(fixture);
        var unknown = UnknownNumber();
        var limits = new EnrolmentOptions().CodeSendLimits;

        for (var i = 0; i < limits.PerMember; i++)
        {
            Assert.True((await Reset(member.MemberNumber).Start(BirthDate)).Succeeded);
            Assert.True((await Reset(unknown).Start(BirthDate)).Succeeded);
            await fixture.Advance(limits.Spacing + TimeSpan.FromSeconds(1));
        }

        await fixture.Advance(PastMemory);
        await fixture.Cluster.DeactivateAsync(Reset(member.MemberNumber));
        await fixture.Cluster.DeactivateAsync(Reset(unknown));
        var real = (await Reset(member.MemberNumber).Start(BirthDate)).Refusal;
        var decoy = (await Reset(unknown).Start(BirthDate)).Refusal;

        Assert.Equal(RefusalCodes.TooManyCodes, real?.Code);
        Assert.Equal((real?.Code, real?.RetryAfterSeconds), (decoy?.Code, decoy?.RetryAfterSeconds));
        Assert.False((await fixture.ReadStoredState<PasswordResetState>("password-reset", Reset(unknown).GetGrainId())).Exists);
    }

    [Fact]
    public async Task A_number_without_an_account_stays_locked_once_its_activation_is_gone()
    {
        var member = await MemberWithPassword(fixture);
        var stranger = NewMember(fixture);
        var accounts = new[] { AccountOf(fixture, member), AccountOf(fixture, stranger) };

        foreach (var account in accounts)
        {
            for (var i = 0; i < new AccountOptions().LockoutThreshold; i++)
            {
                await account.SignIn(Wrong);
            }

            await fixture.Cluster.DeactivateAsync(account);
        }

        Assert.All(await Task.WhenAll(accounts.Select(a => a.SignIn(Wrong))), o => Assert.Equal(RefusalCodes.Locked, o.Refusal?.Code));

        // Past the lock and the memory delay, one more failure locks again at once, for twice as long, as a real account does.
        await fixture.Advance(PastMemory);
        foreach (var account in accounts)
        {
            await fixture.Cluster.DeactivateAsync(account);
            Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn(Wrong)).Refusal?.Code);
        }

        var locks = await Task.WhenAll(accounts.Select(a => a.SignIn(Wrong)));
        Assert.All(locks, o => Assert.Equal((RefusalCodes.Locked, 120), (o.Refusal?.Code, o.Refusal?.RetryAfterSeconds)));
        Assert.False((await fixture.ReadStoredState<AccountState>("account", accounts[1].GetGrainId())).Exists);
    }

    /// <summary>Four decoys in five show a phone; the digits say more than a letter does.</summary>
    private async Task<(string Number, ResetView View)> UnknownNumberShowingAPhone()
    {
        while (true)
        {
            var unknown = UnknownNumber();
            var view = (await Reset(unknown).Start(BirthDate)).View!;
            if (view.MaskedPhone is not null)
            {
                return (unknown, view);
            }
        }
    }

    private static string UnknownNumber() => "0" + Random.Shared.Next(100_000_000, 999_999_999);

    /// <summary>A cluster of two silos, so that a fresh activation or a fresh copy of the secret may live on either.</summary>
    public sealed class TwoSilos : ClusterFixture
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await Cluster.StartAdditionalSiloAsync();
            await Cluster.WaitForLivenessToStabilizeAsync();
        }
    }
}
