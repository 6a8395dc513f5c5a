using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// The steps a member takes in the wizard, found the way a person finds them: by label, role and visible text.
/// Each step waits for the heading of the screen it leads to.
/// </summary>
public static class Wizard
{
    public static ILocator Heading(this IPage page, string text) =>
        page.GetByRole(AriaRole.Heading, new() { Name = text, Level = 1 });

    /// <summary>The page's main area: what a screen says, apart from the header, the footer and screen-reader announcements.</summary>
    public static ILocator MainArea(this IPage page) => page.GetByRole(AriaRole.Main);

    public static Task ExpectHeadingAsync(this IPage page, string text) => Expect(page.Heading(text)).ToBeVisibleAsync();

    public static Task ClickButtonAsync(this IPage page, string name) =>
        page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();

    /// <summary>From the sign-in page, "Je m'inscris" to the identity form.</summary>
    public static async Task OpenEnrolmentAsync(this IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Je m'inscris" }).ClickAsync();
        await page.ExpectHeadingAsync("Vous n'êtes pas encore inscrit ?");
    }

    /// <summary>Fills the identity form as the member types it; does not submit.</summary>
    public static async Task FillIdentityAsync(this IPage page, TestMember member, string email, string? lastName = null)
    {
        await page.GetByLabel("Votre nom", new() { Exact = true }).FillAsync(lastName ?? member.LastName.ToLowerInvariant());
        await page.GetByLabel("Votre prénom", new() { Exact = true }).FillAsync(member.FirstName.ToLowerInvariant());
        // Typed digit by digit: the slashes come by themselves.
        await page.GetByLabel("Votre date de naissance").PressSequentiallyAsync(member.TypedBirthDate.Replace("/", "", StringComparison.Ordinal));
        await page.GetByLabel("Votre e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Confirmation de votre e-mail").FillAsync(email);
    }

    /// <summary>Identity form filled and sent: "Nous avons bien identifié votre compte".</summary>
    public static async Task StartEnrolmentAsync(this IPage page, TestMember member, string email = "membre@exemple.fr")
    {
        await page.OpenEnrolmentAsync();
        await page.FillIdentityAsync(member, email);
        await page.ClickButtonAsync("Valider");
        await page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
    }

    public static async Task EnterMemberNumberAsync(this IPage page, TestMember member)
    {
        await page.ExpectHeadingAsync("Merci de saisir votre identifiant");
        await page.GetByLabel("Identifiant").PressSequentiallyAsync(member.MemberNumber);
        await page.ClickButtonAsync("Valider");
    }

    /// <summary>From the identity confirmation to the code screen, with the phone on file.</summary>
    public static async Task ReachCodeWithPhoneOnFileAsync(this IPage page, TestMember member)
    {
        await page.ClickButtonAsync("Confirmer");
        await page.ExpectHeadingAsync("Votre numéro de téléphone portable");
        await page.ClickButtonAsync("C'est bien mon numéro de téléphone");
        await page.EnterMemberNumberAsync(member);
        await page.ExpectHeadingAsync("Je finalise la création de mon compte");
    }

    public static async Task EnterCodeAsync(this IPage page, string code)
    {
        await page.GetByLabel("Code de confirmation SMS").FillAsync(code);
        await page.ClickButtonAsync("Valider");
    }

    /// <summary>Types a new password twice and sends it.</summary>
    public static async Task CreatePasswordAsync(this IPage page, string password)
    {
        await page.GetByLabel("Votre mot de passe", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirmation de votre mot de passe").FillAsync(password);
        await page.ClickButtonAsync("Valider");
    }

    public static async Task SignInAsync(this IPage page, string memberNumber, string secret)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(memberNumber);
        await page.GetByLabel("Mot de passe ou code d'accès provisoire").FillAsync(secret);
        await page.ClickButtonAsync("Se connecter");
    }

    /// <summary>The error shown next to a field, as read from the field's description.</summary>
    public static ILocator FieldError(this IPage page, string label) =>
        page.Locator(".field").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) }).Locator(".field-error");
}
