using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>The product's refusals, in French, where the member looks, and what the member can do next.</summary>
[Collection(ProductCollection.Name)]
public sealed class ProblemAnswersTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task A_member_already_enrolled_is_pointed_to_sign_in_and_to_the_lost_password()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Stack.EnrolWithSmsAsync(member, "Deja1234");

        await Page.OpenEnrolmentAsync();
        await Page.FillIdentityAsync(member, "membre@exemple.fr");
        await Page.ClickButtonAsync("Valider");

        await Expect(Page.MainArea().GetByText("Vous êtes déjà inscrit.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "J'ai perdu mon mot de passe ?" }).ClickAsync();
        await Page.ExpectHeadingAsync("J'ai perdu mon mot de passe");
    }

    [Fact]
    public async Task Wrong_member_numbers_say_the_tries_left_then_void_the_journey_and_the_member_starts_again_by_keyboard()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Expect(Page.Heading("Nous avons bien identifié votre compte.")).ToBeFocusedAsync();

        // Keyboard only: Tab to "Confirmer", Enter; the next screen's heading takes the focus.
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Confirmer" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Heading("Votre numéro de téléphone portable")).ToBeFocusedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "C'est bien mon numéro de téléphone" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.Heading("Merci de saisir votre identifiant")).ToBeFocusedAsync();

        var field = Page.GetByLabel("Identifiant");
        var wrongNumber = member.MemberNumber[..9] + (char)('0' + ((member.MemberNumber[9] - '0' + 1) % 10));
        await Page.Keyboard.PressAsync("Tab");
        await Expect(field).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(wrongNumber);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.FieldError("Identifiant")).ToHaveTextAsync("Cet identifiant ne correspond pas au compte identifié. Il vous reste 2 essais.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");

        await field.FillAsync(wrongNumber);
        await field.PressAsync("Enter");
        await Expect(Page.FieldError("Identifiant")).ToContainTextAsync("Il vous reste 1 essai.");
        await field.FillAsync(wrongNumber);
        await field.PressAsync("Enter");

        await Page.ExpectHeadingAsync("Vous n'êtes pas encore inscrit ?");
        await Expect(Page.MainArea().GetByText("Merci de recommencer la procédure.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_choice_already_made_is_shown_as_the_current_step_and_the_member_can_start_again_to_change_it()
    {
        var member = await Stack.Database.AddMemberAsync(withPhone: false);
        await Page.StartEnrolmentAsync(member);
        await Page.ClickButtonAsync("Confirmer");
        await Page.GetByLabel("Courrier papier").CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");

        await Page.ClickButtonAsync("Retour");
        await Page.ExpectHeadingAsync("Choix du canal pour finaliser l'abonnement");
        await Page.GetByLabel("SMS", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");
        await Expect(Page.MainArea().GetByText("Cette étape a déjà été validée")).ToBeVisibleAsync();

        await Page.ClickButtonAsync("Recommencer l'inscription");
        await Page.ExpectHeadingAsync("Vous n'êtes pas encore inscrit ?");
        await Expect(Page.GetByLabel("Votre nom", new() { Exact = true })).ToHaveValueAsync(member.LastName.ToLowerInvariant());
        await Page.GetByLabel("Confirmation de votre e-mail").FillAsync("membre@exemple.fr");
        await Page.ClickButtonAsync("Valider");
        await Page.ClickButtonAsync("Confirmer");
        await Page.GetByLabel("SMS", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Valider");
        await Page.ExpectHeadingAsync("Votre numéro de portable");
    }
}
