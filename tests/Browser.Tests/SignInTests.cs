using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>The sign-in box: its help, its mistakes, and the lock after repeated wrong passwords.</summary>
[Collection(ProductCollection.Name)]
public sealed class SignInTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task Repeated_wrong_passwords_lock_sign_in_and_the_page_says_how_long_to_wait()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Stack.EnrolWithSmsAsync(member, "Correct123");

        await Page.SignInAsync(member.PrintedNumber, "Mauvais123");
        var alert = Page.Locator("#connexion-alerte");
        await Expect(alert).ToHaveTextAsync("Identifiant ou mot de passe incorrect.");
        await Expect(Page.GetByLabel("Mot de passe ou code d'accès provisoire")).ToBeEmptyAsync();

        // Five failures in a row lock sign-in; the sixth try at the latest says so, with the wait.
        for (var attempt = 2; attempt <= 6 && !(await alert.InnerTextAsync()).Contains("bloqué", StringComparison.Ordinal); attempt++)
        {
            await Page.GetByLabel("Mot de passe ou code d'accès provisoire").FillAsync($"Mauvais{attempt}23");
            await Page.ClickButtonAsync("Se connecter");
            await Expect(alert).Not.ToBeEmptyAsync();
            await Page.WaitForFunctionAsync("() => !document.querySelector('#connexion button[type=submit]').disabled");
        }

        await Expect(alert).ToContainTextAsync("Votre compte est temporairement bloqué après plusieurs essais infructueux. Vous pourrez réessayer dans");
        // The lock lasts one minute from the fifth failure: "1 minute", or "59 secondes" when the sixth try came later.
        await Expect(alert).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d+ (minute|secondes)"));

        // Even the right password waits for the lock to end.
        await Page.GetByLabel("Mot de passe ou code d'accès provisoire").FillAsync("Correct123");
        await Page.ClickButtonAsync("Se connecter");
        await Expect(alert).ToContainTextAsync("temporairement bloqué");
    }

    [Fact]
    public async Task The_sign_in_page_checks_its_fields_explains_the_identifier_and_shows_the_help_numbers()
    {
        await Page.GotoAsync("/");
        await Page.ExpectHeadingAsync("Je me connecte à mon compte");
        await Expect(Page.GetByText("Si vous êtes adhérent à Audiens Santé Prévoyance contactez le 0 173 173 535")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Sinon contactez le 0 173 173 500")).ToBeVisibleAsync();

        await Page.ClickButtonAsync("Se connecter");
        await Expect(Page.FieldError("Identifiant")).ToHaveTextAsync("Saisissez votre identifiant : 10 chiffres au format XXXXXXXX.XX.");
        await Expect(Page.GetByLabel("Identifiant", new() { Exact = true })).ToBeFocusedAsync();

        var help = Page.GetByRole(AriaRole.Button, new() { Name = "Où trouver mon identifiant ?" });
        await help.ClickAsync();
        await Expect(help).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(Page.MainArea().GetByText("dans la rubrique « Vos références »")).ToBeVisibleAsync();
        await help.PressAsync("Enter");
        await Expect(help).ToHaveAttributeAsync("aria-expanded", "false");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Je ne connais pas mon identifiant de connexion" }).ClickAsync();
        await Page.ExpectHeadingAsync("Je ne connais pas mon identifiant de connexion");
        await Expect(Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "carte de tiers payant" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "« Vos références »" })).ToBeVisibleAsync();
    }
}
