using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>
/// « S'identifier avec FranceConnect » in Chromium against the local provider set up like FranceConnect: the four
/// flows, a first password from « Mon espace », giving up, and sign-out through FranceConnect; each new screen
/// passes axe-core.
/// </summary>
[Collection(FranceConnectCollection.Name)]
public sealed class FranceConnectTests(FranceConnectStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    private static readonly TestMember MarieHelene = TestMember.MarieHeleneDArcy;

    [Fact]
    public async Task Marie_Helene_enrols_with_FranceConnect_then_it_alone_signs_her_in_and_out()
    {
        // (c) No account yet: no identity form, the guide's confirmation, the member number, signed in.
        await LeaveForFranceConnectAsync("marie-helene-darcy");
        await Page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
        await Expect(Page.MainArea()).ToContainTextAsync("3 PLACE DU MARCHÉ");
        await Page.AssertAccessibleAsync("inscription FranceConnect : identité");
        await Page.ClickButtonAsync("Confirmer");
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");
        await Page.AssertAccessibleAsync("inscription FranceConnect : identifiant");
        await Page.EnterMemberNumberAsync(MarieHelene);
        await Page.ExpectHeadingAsync("Votre compte est créé");
        await Expect(Page.MainArea()).ToContainTextAsync("Vous vous connecterez avec FranceConnect, sans mot de passe.");
        await Page.AssertAccessibleAsync("inscription FranceConnect : compte créé");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Accéder à mon espace" }).ClickAsync();

        await Page.ExpectHeadingAsync("Mon espace");
        await Expect(Page.MainArea()).ToContainTextAsync("Relié à votre compte");
        await Expect(Page.MainArea()).ToContainTextAsync("Aucun : vous vous connectez avec FranceConnect.");
        await Page.AssertAccessibleAsync("mon espace : FranceConnect relié");

        // A first password, from « Mon espace ».
        await Page.ClickButtonAsync("Créer un mot de passe");
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        await Page.AssertAccessibleAsync("mon espace : créer un mot de passe");
        await Page.GetByLabel("Votre mot de passe", new() { Exact = true }).FillAsync("Lyon2024Marche");
        await Page.GetByLabel("Confirmation de votre mot de passe").FillAsync("Lyon2024Marche");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Votre mot de passe est créé." })).ToBeVisibleAsync();
        await Expect(Page.MainArea()).ToContainTextAsync("Défini");

        // « Mon espace » removes the link; sign-out ends the FranceConnect session too.
        await Page.ClickButtonAsync("Retirer le lien avec FranceConnect");
        await Expect(Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Le lien avec FranceConnect est retiré." })).ToBeVisibleAsync();
        await Expect(Page.MainArea()).ToContainTextAsync("Non relié");
        await SignOutThroughFranceConnectAsync();

        // (b) Her account exists but is no longer linked: the member number once, a wrong one counted.
        await LeaveForFranceConnectAsync("marie-helene-darcy");
        await Page.ExpectHeadingAsync("S'identifier avec FranceConnect");
        await Page.AssertAccessibleAsync("lien FranceConnect");
        await Page.GetByLabel("Identifiant").PressSequentiallyAsync("9999999999");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.MainArea()).ToContainTextAsync("2");
        await Page.GetByLabel("Identifiant").FillAsync("");
        await Page.GetByLabel("Identifiant").PressSequentiallyAsync(MarieHelene.MemberNumber);
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Mon espace");
        await Expect(Page.MainArea()).ToContainTextAsync("Relié à votre compte");
        await SignOutThroughFranceConnectAsync();

        // (a) Linked: FranceConnect alone signs her in.
        await LeaveForFranceConnectAsync("marie-helene-darcy");
        await Page.ExpectHeadingAsync("Mon espace");
        await Expect(Page.MainArea()).ToContainTextAsync(MarieHelene.LastName);
    }

    [Fact]
    public async Task A_person_the_directory_does_not_know_is_told_so_and_nothing_more()
    {
        // (d) No unique match.
        await LeaveForFranceConnectAsync("inconnu");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Nous n'avons pas pu vous identifier avec FranceConnect.");
        await Page.AssertAccessibleAsync("FranceConnect : non identifié");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Je m'inscris" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Giving_up_at_FranceConnect_comes_back_to_sign_in_with_a_short_message()
    {
        await LeaveForFranceConnectAsync(null);

        await Expect(Page.MainArea()).ToContainTextAsync("Vous avez annulé la connexion avec FranceConnect.");
        await Expect(Page.Locator("a.fr-connect")).ToBeVisibleAsync();
        await Page.AssertAccessibleAsync("connexion : retour de FranceConnect");
    }

    /// <summary>From the sign-in screen, the official button, then the provider's screen: an identity, or « Annuler ».</summary>
    private async Task LeaveForFranceConnectAsync(string? identity)
    {
        await Page.GotoAsync("/");
        await Page.Locator("a.fr-connect").ClickAsync();
        await Page.ExpectHeadingAsync("FranceConnect local : choisissez une identité");
        await Page.ClickButtonAsync(identity ?? "Annuler");
    }

    private async Task SignOutThroughFranceConnectAsync()
    {
        await Page.ClickButtonAsync("Se déconnecter");
        await Page.ExpectHeadingAsync("Déconnexion de FranceConnect");
        await Page.ClickButtonAsync("Me déconnecter");
        await Expect(Page.MainArea()).ToContainTextAsync("Vous êtes déconnecté, de FranceConnect aussi.");
    }
}
