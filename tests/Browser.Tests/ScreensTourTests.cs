using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>
/// Every screen of the product, in the guide's order: each passes axe-core (no serious or critical violation)
/// and is pictured at 360 px and 1280 px under docs/screens/.
/// </summary>
[Collection(ProductCollection.Name)]
public sealed class ScreensTourTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task Every_screen_is_accessible_and_pictured_at_phone_and_desktop_widths()
    {
        var smsMember = await Stack.Database.AddMemberAsync(withPhone: true);
        var letterMember = await Stack.Database.AddMemberAsync(withPhone: false);
        var newPhone = $"06{Random.Shared.Next(10_000_000, 99_999_999)}";

        await Page.GotoAsync("/");
        await Page.ExpectHeadingAsync("Je me connecte à mon compte");
        await Page.CaptureAsync("01-sign-in");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Je ne connais pas mon identifiant de connexion" }).ClickAsync();
        await Page.ExpectHeadingAsync("Je ne connais pas mon identifiant de connexion");
        await Page.CaptureAsync("02-member-number-help");

        await Page.OpenEnrolmentAsync();
        await Page.CaptureAsync("03-identity");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.FieldError("Votre nom")).Not.ToBeEmptyAsync();
        await Page.CaptureAsync("04-identity-errors");
        await Page.FillIdentityAsync(smsMember, "claire@exemple.fr");
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
        await Page.CaptureAsync("05-confirm-identity");

        await Page.ClickButtonAsync("Confirmer");
        await Page.ExpectHeadingAsync("Votre numéro de téléphone portable");
        await Page.CaptureAsync("06-confirm-phone");
        await Page.ClickButtonAsync("Ce n'est pas mon numéro de téléphone");
        await Page.ExpectHeadingAsync("Choix du canal pour finaliser l'abonnement");
        await Page.CaptureAsync("07-choose-channel");
        await Page.GetByLabel("SMS", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Votre numéro de portable");
        await Page.CaptureAsync("08-enter-phone");
        await Page.GetByLabel("N° de portable").FillAsync(newPhone);
        await Page.GetByLabel("Confirmation téléphone portable").FillAsync(newPhone);
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");
        await Page.CaptureAsync("09-member-number");
        await Page.EnterMemberNumberAsync(smsMember);
        await Page.ExpectHeadingAsync("Je finalise la création de mon compte");
        var code = await Stack.WaitForSmsCodeAsync(newPhone);
        await Page.CaptureAsync("10-enter-code");
        await Page.EnterCodeAsync(code);
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        await Page.GetByLabel("Votre mot de passe", new() { Exact = true }).FillAsync("Claire2024");
        await Page.CaptureAsync("11-create-password");
        await Page.GetByLabel("Confirmation de votre mot de passe").FillAsync("Claire2024");
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Votre compte est créé");
        await Page.CaptureAsync("12-completed");

        await Page.StartEnrolmentAsync(letterMember);
        await Page.ClickButtonAsync("Confirmer");
        await Page.GetByLabel("Courrier papier").CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.EnterMemberNumberAsync(letterMember);
        await Page.ExpectHeadingAsync("Votre demande est enregistrée");
        await Page.CaptureAsync("13-letter-sent");

        var provisionalCode = await Stack.WaitForProvisionalCodeAsync(letterMember.MemberNumber);
        await Page.GotoAsync($"/dev-inbox.html?memberNumber={letterMember.MemberNumber}");
        await Expect(Page.Locator(".inbox__code").First).ToHaveTextAsync(provisionalCode);
        await Page.CaptureAsync("14-dev-inbox");

        await Page.SignInAsync(letterMember.PrintedNumber, provisionalCode);
        await Page.ExpectHeadingAsync("Première connexion");
        await Page.CaptureAsync("15-first-login");
        await Page.GetByLabel("Confirmation de votre e-mail").FillAsync("membre@exemple.fr");
        await Page.CreatePasswordAsync("Lettre2024");
        await Page.ExpectHeadingAsync("Mon espace");
        await Page.CaptureAsync("16-my-space");
        await Page.ClickButtonAsync("Se déconnecter");
        await Page.ExpectHeadingAsync("Vous êtes déconnecté");
        await Page.CaptureAsync("17-signed-out");

        await Page.GotoAsync("/mot-de-passe-perdu.html");
        await Page.ExpectHeadingAsync("J'ai perdu mon mot de passe");
        await Page.CaptureAsync("18-lost-password");
        var sent = await Stack.CountSmsAsync(newPhone);
        await Page.GetByLabel("Identifiant").FillAsync(smsMember.MemberNumber);
        await Page.GetByLabel("Votre date de naissance").FillAsync(smsMember.TypedBirthDate);
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Saisissez le code reçu par SMS");
        var resetCode = await Stack.WaitForSmsCodeAsync(newPhone, sent);
        await Page.CaptureAsync("19-lost-password-code");
        await Page.EnterCodeAsync(resetCode);
        await Page.ExpectHeadingAsync("Je choisis mon nouveau mot de passe");
        await Page.CaptureAsync("20-lost-password-new-password");
        await Page.CreatePasswordAsync("Nouveau2025");
        await Page.ExpectHeadingAsync("Votre mot de passe est modifié");
        await Page.CaptureAsync("21-lost-password-done");
    }
}
