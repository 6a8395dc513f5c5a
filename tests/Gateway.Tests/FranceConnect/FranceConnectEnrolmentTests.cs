using System.Net;
using Enrolment.Gateway.FranceConnect;
using Enrolment.Gateway.Tests.Infrastructure;
using Enrolment.TestKit;
using Xunit;
using static Enrolment.Gateway.Tests.FranceConnect.FranceConnectSignInTests;

namespace Enrolment.Gateway.Tests.FranceConnect;

/// <summary>
/// Flow (c): Marie-Hélène D'Arcy has no account. FranceConnect identifies her, she confirms identity and address,
/// types her member number, and her account signs in with FranceConnect alone; « Mon espace » can remove the link.
/// </summary>
[Collection(FranceConnectCollection.Name)]
public sealed class FranceConnectEnrolmentTests(FranceConnectFixture fixture)
{
    private const string MarieHelene = "marie-helene-darcy";

    [Fact]
    public async Task A_member_without_an_account_enrols_from_FranceConnect_without_the_identity_form_or_a_password()
    {
        using var flow = new FranceConnectFlow(fixture.Gateway);

        AssertLandsOn(await flow.SignIn(MarieHelene), FranceConnectApi.Screens.Enrol);
        var id = (await (await flow.Gateway(HttpMethod.Get, "/api/franceconnect/enrolment")).AssertSuccess()).Text("enrolmentId");
        var shown = await (await flow.Gateway(HttpMethod.Get, $"/api/enrolments/{id}")).AssertSuccess();
        Assert.Equal("confirm-identity", shown.Text("step"));
        Assert.Equal(TestMembers.MarieHeleneDarcy.FullName, shown.GetProperty("identity").Text("fullName"));
        Assert.Equal(TestMembers.MarieHeleneDarcy.Address.ToString(), shown.GetProperty("identity").Text("address"));

        var confirmed = await (await flow.Gateway(HttpMethod.Post, $"/api/enrolments/{id}/identity-confirmation", Json(new { }))).AssertSuccess();
        Assert.Equal("member-number", confirmed.Text("step"));
        var wrong = await flow.Gateway(HttpMethod.Post, $"/api/enrolments/{id}/member-number", Json(new { memberNumber = "9999999999" }));
        Assert.Equal(2, (await wrong.AssertProblem(HttpStatusCode.UnprocessableEntity, "member-number-mismatch")).GetProperty("attemptsLeft").GetInt32());
        var right = await flow.Gateway(HttpMethod.Post, $"/api/enrolments/{id}/member-number", Json(new { memberNumber = "23456789.01" }));
        Assert.Equal("completed", (await right.AssertSuccess()).Text("step"));
        Assert.False(flow.HasSession);

        var signedIn = await flow.Gateway(HttpMethod.Post, "/api/franceconnect/enrolment/session", Json(new { }));
        Assert.Equal("signed-in", (await signedIn.AssertSuccess()).Text("status"));
        var me = await (await flow.Gateway(HttpMethod.Get, "/api/me")).AssertSuccess();
        Assert.Equal(TestMembers.MarieHeleneDarcy.MemberNumber, me.Text("memberNumber"));
        Assert.Equal("marie-helene-darcy@example.fr", me.Text("email"));
        Assert.False(me.GetProperty("hasPassword").GetBoolean());
        Assert.True(me.GetProperty("franceConnectLinked").GetBoolean());

        // « Mon espace »: a first password, under the enrolment's rules; then it signs in too.
        var weak = await flow.Gateway(HttpMethod.Post, "/api/me/password", Json(new { password = "court1", passwordConfirmation = "court1" }));
        await weak.AssertProblem(HttpStatusCode.BadRequest, "validation");
        var added = await flow.Gateway(HttpMethod.Post, "/api/me/password", Json(new { password = "Lyon2024Marche", passwordConfirmation = "Lyon2024Marche" }));
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.True((await (await flow.Gateway(HttpMethod.Get, "/api/me")).AssertSuccess()).GetProperty("hasPassword").GetBoolean());
        var again = await flow.Gateway(HttpMethod.Post, "/api/me/password", Json(new { password = "Autre2024Mot", passwordConfirmation = "Autre2024Mot" }));
        await again.AssertProblem(HttpStatusCode.BadRequest, "validation");
        var withPassword = await flow.Gateway(HttpMethod.Post, "/api/sessions", Json(new { memberNumber = "23456789.01", secret = "Lyon2024Marche" }));
        Assert.Equal("signed-in", (await withPassword.AssertSuccess()).Text("status"));

        using var later = new FranceConnectFlow(fixture.Gateway);
        AssertLandsOn(await later.SignIn(MarieHelene), FranceConnectApi.Screens.SignedIn);
        Assert.True(later.HasSession);

        // « Mon espace »: the link removed, FranceConnect asks for the member number again next time.
        Assert.Equal(HttpStatusCode.NoContent, (await later.Gateway(HttpMethod.Delete, "/api/franceconnect/link")).StatusCode);
        Assert.False((await (await later.Gateway(HttpMethod.Get, "/api/me")).AssertSuccess()).GetProperty("franceConnectLinked").GetBoolean());
        using var afterUnlink = new FranceConnectFlow(fixture.Gateway);
        AssertLandsOn(await afterUnlink.SignIn(MarieHelene), FranceConnectApi.Screens.ProveLink);
    }

    [Fact]
    public async Task Without_a_journey_opened_by_FranceConnect_the_enrolment_routes_sign_no_one_in()
    {
        using var stranger = new FranceConnectFlow(fixture.Gateway);

        await (await stranger.Gateway(HttpMethod.Post, "/api/franceconnect/enrolment/session", Json(new { })))
            .AssertProblem(HttpStatusCode.NotFound, "unknown-enrolment");
        await (await stranger.Gateway(HttpMethod.Get, "/api/franceconnect/enrolment")).AssertProblem(HttpStatusCode.NotFound, "unknown-enrolment");
        Assert.False(stranger.HasSession);
    }

    [Fact]
    public async Task Removing_the_link_or_adding_a_password_needs_a_signed_in_member()
    {
        using var stranger = new FranceConnectFlow(fixture.Gateway);

        await (await stranger.Gateway(HttpMethod.Delete, "/api/franceconnect/link")).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
        var password = Json(new { password = "Lyon2024Marche", passwordConfirmation = "Lyon2024Marche" });
        await (await stranger.Gateway(HttpMethod.Post, "/api/me/password", password)).AssertProblem(HttpStatusCode.Unauthorized, "invalid-credentials");
    }
}
