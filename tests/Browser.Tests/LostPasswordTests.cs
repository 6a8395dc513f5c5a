using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>"J'ai perdu mon mot de passe ?": member number and birth date, a code by SMS, a new password.</summary>
[Collection(ProductCollection.Name)]
public sealed class LostPasswordTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task A_member_who_lost_the_password_gets_a_code_by_sms_sets_a_new_password_and_signs_in_with_it()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Stack.EnrolWithSmsAsync(member, "Ancien123");
        var sent = await Stack.CountSmsAsync(member.MobilePhone!);

        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Link, new() { Name = "J'ai perdu mon mot de passe ?" }).ClickAsync();
        await Page.ExpectHeadingAsync("J'ai perdu mon mot de passe");
        await Page.GetByLabel("Identifiant").PressSequentiallyAsync(member.MemberNumber);
        await Page.GetByLabel("Votre date de naissance").PressSequentiallyAsync(member.TypedBirthDate.Replace("/", "", StringComparison.Ordinal));
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Saisissez le code reçu par SMS");
        await Expect(Page.MainArea().GetByText(member.MaskedPhone!)).ToBeVisibleAsync();
        var code = await Stack.WaitForSmsCodeAsync(member.MobilePhone!, sent);
        await Page.EnterCodeAsync(WrongCode(code));
        await Expect(Page.FieldError("Code de confirmation SMS")).ToContainTextAsync("Le code saisi est incorrect.");
        await Page.EnterCodeAsync(code);

        await Page.ExpectHeadingAsync("Je choisis mon nouveau mot de passe");
        await Page.CreatePasswordAsync("Nouveau456");
        await Page.ExpectHeadingAsync("Votre mot de passe est modifié");

        await Page.SignInAsync(member.PrintedNumber, "Ancien123");
        await Expect(Page.MainArea().GetByText("Identifiant ou mot de passe incorrect.")).ToBeVisibleAsync();
        await Page.SignInAsync(member.PrintedNumber, "Nouveau456");
        await Page.ExpectHeadingAsync("Mon espace");
    }

    [Fact]
    public async Task A_member_without_a_mobile_on_file_is_sent_a_letter_with_a_new_provisional_code()
    {
        var member = await Stack.Database.AddMemberAsync(withPhone: false);
        await Stack.EnrolWithLetterAsync(member, "Courrier12");
        var sent = await Stack.CountLettersAsync(member.MemberNumber);

        await Page.GotoAsync("/mot-de-passe-perdu.html");
        await Page.GetByLabel("Identifiant").FillAsync(member.PrintedNumber);
        await Page.GetByLabel("Votre date de naissance").FillAsync(member.TypedBirthDate);
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Un courrier va vous être envoyé");
        await Expect(Page.MainArea().GetByText("Vous recevrez sous quelques jours un courrier vous communiquant un code d'accès provisoire.")).ToBeVisibleAsync();
        var provisionalCode = await Stack.WaitForProvisionalCodeAsync(member.MemberNumber, sent);

        await Page.SignInAsync(member.PrintedNumber, provisionalCode);
        await Page.ExpectHeadingAsync("Première connexion");
    }
}
