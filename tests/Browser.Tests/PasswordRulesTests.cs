using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>The guide's password rules, checked as the member types; the server's own rules come back next to the field.</summary>
[Collection(ProductCollection.Name)]
public sealed class PasswordRulesTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    private ILocator Rule(string text) => Page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = text });

    [Fact]
    public async Task The_rules_say_met_or_not_while_the_member_types_and_the_server_refuses_a_password_with_the_birth_date()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ReachCodeWithPhoneOnFileAsync(member);
        await Page.EnterCodeAsync(await Stack.WaitForSmsCodeAsync(member.MobilePhone!));
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        await Expect(Page.MainArea().GetByText("Votre mot de passe personnel doit comporter 8 caractères alphas et/ou numériques au minimum. Pas de caractères spéciaux")).ToBeVisibleAsync();

        var password = Page.GetByLabel("Votre mot de passe", new() { Exact = true });
        var confirmation = Page.GetByLabel("Confirmation de votre mot de passe");
        await password.PressSequentiallyAsync("abc");
        await Expect(Rule("Au moins 8 caractères")).ToContainTextAsync("Règle non respectée");
        await Expect(Rule("pas de caractères spéciaux")).ToContainTextAsync("Règle respectée");

        await password.PressSequentiallyAsync("def!gh");
        await Expect(Rule("Au moins 8 caractères")).ToContainTextAsync("Règle respectée");
        await Expect(Rule("pas de caractères spéciaux")).ToContainTextAsync("Règle non respectée");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.FieldError("Votre mot de passe")).ToHaveTextAsync("Votre mot de passe ne respecte pas encore toutes les règles ci-dessous.");
        await Expect(password).ToBeFocusedAsync();

        await password.FillAsync("Abcdefgh7");
        await confirmation.PressSequentiallyAsync("Abcdefgh");
        await Expect(Rule("La confirmation est identique")).ToContainTextAsync("Règle non respectée");
        await confirmation.PressSequentiallyAsync("7");
        await Expect(Rule("La confirmation est identique")).ToContainTextAsync("Règle respectée");

        // Only the server knows the birth date: its refusal comes back next to the password field.
        var withBirthDate = $"Abc{member.BirthDate:ddMMyyyy}";
        await Page.CreatePasswordAsync(withBirthDate);
        await Expect(Page.FieldError("Votre mot de passe")).Not.ToBeEmptyAsync();
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");

        await Page.CreatePasswordAsync("Abcdefgh7");
        await Page.ExpectHeadingAsync("Votre compte est créé");
    }
}
