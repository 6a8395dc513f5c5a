using Enrolment.Grains.Interfaces.Accounts;
using Enrolment.Grains.Interfaces.Enrolments;
using Enrolment.Grains.Tests.Fixtures;
using static Enrolment.Grains.Tests.Accounts.AccountTestData;

namespace Enrolment.Grains.Tests.Accounts;

[Collection(ClusterCollection.Name)]
public sealed class FirstLoginTests(ClusterFixture fixture)
{
    private const string NewPassword = "Printemps2026vert";

    private IAccountGrain Account(string memberNumber) => fixture.Grains.GetGrain<IAccountGrain>(memberNumber);

    [Fact]
    public async Task A_provisional_code_leads_to_first_login_showing_the_email_on_file()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;

        var outcome = await Account(member.MemberNumber).SignIn(code);

        Assert.Equal(SignInStatus.FirstLoginRequired, outcome.Status);
        Assert.Null(outcome.Profile);
        var screen = await Account(member.MemberNumber).GetFirstLogin(outcome.FirstLoginId!.Value);
        Assert.Equal(Email, screen.EmailOnFile);
    }

    [Fact]
    public async Task The_code_is_typed_without_regard_to_case_or_spaces()
    {
        var member = await MemberWithProvisionalCode(fixture);

        var outcome = await Account(member.MemberNumber).SignIn("k7mp 2qrt 9x");

        Assert.Equal(SignInStatus.FirstLoginRequired, outcome.Status);
    }

    [Fact]
    public async Task First_login_sets_the_password_and_the_new_email_and_the_code_dies()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;
        var account = Account(member.MemberNumber);
        var firstLoginId = (await account.SignIn(code)).FirstLoginId!.Value;

        var done = await account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest("paul@nouveau.fr", NewPassword, NewPassword));

        Assert.Equal(SignInStatus.SignedIn, done.Status);
        Assert.Equal("paul@nouveau.fr", done.Profile?.Email);
        Assert.Equal(RefusalCodes.InvalidCredentials, (await account.SignIn(code)).Refusal?.Code);
        Assert.Equal(SignInStatus.SignedIn, (await account.SignIn(NewPassword)).Status);
        Assert.Equal(RefusalCodes.UnknownFirstLogin, (await account.GetFirstLogin(firstLoginId)).Refusal?.Code);
    }

    [Fact]
    public async Task A_replayed_first_login_answers_the_same_success()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;
        var account = Account(member.MemberNumber);
        var firstLoginId = (await account.SignIn(code)).FirstLoginId!.Value;
        var request = new FirstLoginRequest(Email, NewPassword, NewPassword);

        var first = await account.CompleteFirstLogin(firstLoginId, request);
        var replay = await account.CompleteFirstLogin(firstLoginId, request);
        var otherPassword = await account.CompleteFirstLogin(firstLoginId, request with { Password = "Autre2026mot", PasswordConfirmation = "Autre2026mot" });

        Assert.Equal(first, replay);
        Assert.Equal(RefusalCodes.UnknownFirstLogin, otherPassword.Refusal?.Code);
    }

    [Fact]
    public async Task A_password_breaking_the_rules_is_refused_and_changes_nothing()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;
        var account = Account(member.MemberNumber);
        var firstLoginId = (await account.SignIn(code)).FirstLoginId!.Value;

        var outcomes = new[]
        {
            await account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest("paul@nouveau.fr", "court1", "court1")),
            await account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest("paul@nouveau.fr", "Comet2026abc", "Comet2026abc")),
            await account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest("paul@nouveau.fr", "Pass01081985", "Pass01081985")),
            await account.CompleteFirstLogin(firstLoginId, new FirstLoginRequest("paul@nouveau.fr", NewPassword, NewPassword + "x")),
        };

        Assert.All(outcomes, o => Assert.Equal(RefusalCodes.Validation, o.Refusal?.Code));
        Assert.All(outcomes, o => Assert.NotEmpty(o.Refusal!.Errors!));
        Assert.Equal(Email, (await account.GetFirstLogin(firstLoginId)).EmailOnFile);
        Assert.Equal(SignInStatus.FirstLoginRequired, (await account.SignIn(code)).Status);
    }

    [Fact]
    public async Task The_provisional_code_works_for_30_days_and_no_longer()
    {
        var first = await MemberWithProvisionalCode(fixture);
        var second = await MemberWithProvisionalCode(fixture);

        await fixture.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.FirstLoginRequired, (await Account(first.MemberNumber).SignIn(ProvisionalCode)).Status);

        await fixture.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RefusalCodes.FirstLoginExpired, (await Account(second.MemberNumber).SignIn(ProvisionalCode)).Refusal?.Code);
    }

    [Fact]
    public async Task A_first_login_opened_just_before_the_code_expires_ends_with_it()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;
        await fixture.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(5));
        var firstLoginId = (await Account(member.MemberNumber).SignIn(code)).FirstLoginId!.Value;

        await fixture.Advance(TimeSpan.FromMinutes(5));
        var outcome = await Account(member.MemberNumber).CompleteFirstLogin(firstLoginId, new FirstLoginRequest("a@b.fr", NewPassword, NewPassword));

        Assert.Equal(RefusalCodes.FirstLoginExpired, outcome.Refusal?.Code);
    }

    [Fact]
    public async Task The_first_login_screen_closes_after_its_window_and_a_new_sign_in_reopens_it()
    {
        var member = await MemberWithProvisionalCode(fixture);
        var code = ProvisionalCode;
        var account = Account(member.MemberNumber);
        var stale = (await account.SignIn(code)).FirstLoginId!.Value;

        await fixture.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(RefusalCodes.FirstLoginExpired, (await account.GetFirstLogin(stale)).Refusal?.Code);

        var fresh = (await account.SignIn(code)).FirstLoginId!.Value;
        Assert.Equal(RefusalCodes.UnknownFirstLogin, (await account.GetFirstLogin(stale)).Refusal?.Code);
        Assert.Equal(SignInStatus.SignedIn, (await account.CompleteFirstLogin(fresh, new FirstLoginRequest("a@b.fr", NewPassword, NewPassword))).Status);
    }

    [Fact]
    public async Task An_unknown_first_login_is_refused()
    {
        var member = await MemberWithProvisionalCode(fixture);

        var outcome = await Account(member.MemberNumber).CompleteFirstLogin(Guid.NewGuid(), new FirstLoginRequest("a@b.fr", NewPassword, NewPassword));

        Assert.Equal(RefusalCodes.UnknownFirstLogin, outcome.Refusal?.Code);
    }
}
