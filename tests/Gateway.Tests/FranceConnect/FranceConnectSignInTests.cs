using System.Net;
using Enrolment.Gateway.FranceConnect;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.TestKit;
using Xunit;

namespace Enrolment.Gateway.Tests.FranceConnect;

[CollectionDefinition(Name)]
public sealed class FranceConnectCollection : ICollectionFixture<FranceConnectFixture>
{
    public const string Name = "franceconnect";
}

/// <summary>The four flows and the refusals, against the local provider set up like FranceConnect.</summary>
[Collection(FranceConnectCollection.Name)]
public sealed class FranceConnectSignInTests(FranceConnectFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Provider.SetMode("normal");

    public Task DisposeAsync() => fixture.Provider.SetMode("normal");

    [Fact]
    public async Task Paul_Comet_proves_the_link_once_with_his_member_number_then_FranceConnect_alone_signs_him_in()
    {
        await fixture.GivePaulCometAnAccount();
        using var first = new FranceConnectFlow(fixture.Gateway);

        var back = await first.SignIn("paul-comet");

        AssertLandsOn(back, FranceConnectApi.Screens.ProveLink);
        Assert.False(first.HasSession);
        var wrong = await first.Gateway(HttpMethod.Post, "/api/franceconnect/link", Json(new { memberNumber = "9999999999" }));
        var problem = await wrong.AssertProblem(HttpStatusCode.UnprocessableEntity, "member-number-mismatch");
        Assert.Equal(2, problem.GetProperty("attemptsLeft").GetInt32());
        var right = await first.Gateway(HttpMethod.Post, "/api/franceconnect/link", Json(new { memberNumber = "12345678.90" }));
        Assert.Equal("signed-in", (await right.AssertSuccess()).Text("status"));
        var me = await (await first.Gateway(HttpMethod.Get, "/api/me")).AssertSuccess();
        Assert.Equal(TestMembers.PaulComet.MemberNumber, me.Text("memberNumber"));

        using var again = new FranceConnectFlow(fixture.Gateway);
        AssertLandsOn(await again.SignIn("paul-comet"), FranceConnectApi.Screens.SignedIn);
        Assert.Equal(TestMembers.PaulComet.MemberNumber, (await (await again.Gateway(HttpMethod.Get, "/api/me")).AssertSuccess()).Text("memberNumber"));
    }

    [Theory]
    [InlineData("jean-martin")]
    [InlineData("inconnu")]
    public async Task No_unique_member_says_we_could_not_identify_you_and_signs_no_one_in(string identity)
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertLandsOn(await flow.SignIn(identity), FranceConnectApi.Screens.NotIdentified);
        Assert.False(flow.HasSession);
    }

    [Fact]
    public async Task Giving_up_at_FranceConnect_comes_back_to_the_sign_in_screen()
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertLandsOn(await flow.SignIn(null), FranceConnectApi.Screens.GaveUp);
    }

    [Fact]
    public async Task A_tampered_state_is_refused()
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        var back = await flow.SignIn("paul-comet", changeCallback: callback => callback.Replace("state=", "state=x", StringComparison.Ordinal));

        AssertRefused(back, flow);
    }

    [Fact]
    public async Task A_nonce_other_than_the_one_sent_is_refused()
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        var back = await flow.SignIn("paul-comet", changeAuthorize: url => url.Replace("nonce=", "nonce=autre", StringComparison.Ordinal));

        AssertRefused(back, flow);
    }

    [Fact]
    public async Task An_id_token_at_another_level_than_eidas1_is_refused()
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertRefused(await flow.SignIn("acr-eidas2"), flow);
    }

    [Theory]
    [InlineData("forged-signature")]
    [InlineData("unknown-kid")]
    [InlineData("unsigned")]
    [InlineData("json")]
    [InlineData("expired-id-token")]
    public async Task A_userinfo_or_id_token_the_provider_did_not_sign_as_it_should_is_refused(string mode)
    {
        await fixture.GivePaulCometAnAccount();
        await fixture.Provider.SetMode(mode);
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertRefused(await flow.SignIn("paul-comet"), flow);
    }

    [Fact]
    public async Task A_userinfo_signed_with_a_key_the_provider_just_added_is_accepted_after_fetching_the_keys_again()
    {
        await fixture.GivePaulCometAnAccount();
        using var before = new FranceConnectFlow(fixture.Gateway);
        await before.SignIn("inconnu");
        await fixture.Provider.SetMode("rotated");
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertLandsOn(await flow.SignIn("inconnu"), FranceConnectApi.Screens.NotIdentified);
    }

    [Fact]
    public async Task Without_an_authority_every_FranceConnect_route_answers_404()
    {
        using var client = fixture.Cluster.Gateway.CreateClient();

        foreach (var path in new[] { "/api/franceconnect", "/franceconnect/login", "/franceconnect/callback", "/franceconnect/logout", "/franceconnect/logged-out" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
    }

    internal static void AssertLandsOn(HttpResponseMessage response, string screen)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(screen, response.Headers.Location?.ToString());
    }

    private static void AssertRefused(HttpResponseMessage response, FranceConnectFlow flow)
    {
        AssertLandsOn(response, FranceConnectApi.Screens.Failed);
        Assert.False(flow.HasSession);
    }

    internal static StringContent Json(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
