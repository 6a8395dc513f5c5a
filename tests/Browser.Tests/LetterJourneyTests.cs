using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>The guide's letter path, then the first login with the provisional access code.</summary>
[Collection(ProductCollection.Name)]
public sealed class LetterJourneyTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task Marie_helene_d_arcy_chooses_the_letter_then_signs_in_with_its_code_and_passes_first_login()
    {
        var marie = TestMember.MarieHeleneDArcy;
        await Page.OpenEnrolmentAsync();
        // Typed without accents or capitals: the directory search does not mind.
        await Page.FillIdentityAsync(marie, "marie.darcy@exemple.fr", lastName: "d'arcy");
        await Page.GetByLabel("Votre prénom", new() { Exact = true }).FillAsync("marie helene");
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
        await Expect(Page.MainArea().GetByText("3 PLACE DU MARCHÉ 69002 LYON")).ToBeVisibleAsync();
        await Page.ClickButtonAsync("Confirmer");

        // No mobile on file: straight to the channel choice.
        await Page.ExpectHeadingAsync("Choix du canal pour finaliser l'abonnement");
        await Page.GetByLabel("Courrier papier").CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.EnterMemberNumberAsync(marie);

        await Page.ExpectHeadingAsync("Votre demande est enregistrée");
        await Expect(Page.MainArea().GetByText("Vous recevrez sous quelques jours un courrier vous communiquant un code d'accès provisoire.")).ToBeVisibleAsync();

        // The letter, read in the development inbox as a person trying the product would.
        await Stack.WaitForProvisionalCodeAsync(marie.MemberNumber);
        await Page.GotoAsync("/dev-inbox.html");
        await Page.GetByLabel("Identifiant (numéro d'adhérent)").FillAsync(marie.PrintedNumber);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Voir les courriers" }).ClickAsync();
        var provisionalCode = await Page.Locator(".inbox__code").First.InnerTextAsync();

        await Page.SignInAsync(marie.PrintedNumber, provisionalCode);
        await Page.ExpectHeadingAsync("Première connexion");
        await Expect(Page.GetByLabel("Votre e-mail", new() { Exact = true })).ToHaveValueAsync("marie.darcy@exemple.fr");
        await Page.GetByLabel("Confirmation de votre e-mail").FillAsync("marie.darcy@exemple.fr");
        await Page.CreatePasswordAsync("Lyon2Marche");

        await Page.ExpectHeadingAsync("Mon espace");
        await Expect(Page.MainArea().GetByText("MARIE-HÉLÈNE D'ARCY")).ToBeVisibleAsync();
        await Page.ClickButtonAsync("Se déconnecter");

        // The provisional code is dead; the new password works.
        await Page.SignInAsync(marie.PrintedNumber, provisionalCode);
        await Expect(Page.MainArea().GetByText("Identifiant ou mot de passe incorrect.")).ToBeVisibleAsync();
        await Page.SignInAsync(marie.PrintedNumber, "Lyon2Marche");
        await Page.ExpectHeadingAsync("Mon espace");
    }
}
