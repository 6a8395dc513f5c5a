using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>The guide's SMS path: the phone on file, a new phone, a wrong code, a reload in the middle.</summary>
[Collection(ProductCollection.Name)]
public sealed class SmsJourneyTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task Paul_comet_enrols_with_the_phone_on_file_reading_his_code_in_the_dev_inbox_then_signs_in()
    {
        var paul = TestMember.PaulComet;
        await Page.OpenEnrolmentAsync();
        await Page.FillIdentityAsync(paul, "paul.comet@exemple.fr");
        await Expect(Page.GetByLabel("Votre date de naissance")).ToHaveValueAsync("01/08/1985");
        await Expect(Page.GetByLabel("Je souhaite être informé(e)")).Not.ToBeCheckedAsync();
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
        await Expect(Page.MainArea().GetByText("PAUL COMET")).ToBeVisibleAsync();
        await Expect(Page.MainArea().GetByText("74 RUE JEAN BLEUZEN 92177 VANVES")).ToBeVisibleAsync();
        await Page.ClickButtonAsync("Confirmer");

        await Page.ExpectHeadingAsync("Votre numéro de téléphone portable");
        await Expect(Page.MainArea().GetByText("XX XX XX 37 08")).ToBeVisibleAsync();
        await Page.ClickButtonAsync("C'est bien mon numéro de téléphone");

        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");
        await Page.GetByLabel("Identifiant").PressSequentiallyAsync(paul.MemberNumber);
        await Expect(Page.GetByLabel("Identifiant")).ToHaveValueAsync("12345678.90");
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Je finalise la création de mon compte");
        await Expect(Page.MainArea().GetByText("Attention, ce code n'est valable que 5 minutes.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Code valable encore");

        // The code, as a person trying the product reads it: in the development inbox, in another tab.
        await Stack.WaitForSmsCodeAsync(paul.MobilePhone!);
        var inbox = await Page.Context.NewPageAsync();
        await inbox.GotoAsync("/dev-inbox.html");
        await inbox.GetByLabel("Numéro de téléphone portable").FillAsync("06 39 98 37 08");
        await inbox.GetByRole(AriaRole.Button, new() { Name = "Voir les SMS" }).ClickAsync();
        var code = await inbox.Locator(".inbox__code").First.InnerTextAsync();
        await inbox.CloseAsync();

        await Page.EnterCodeAsync(code);
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        await Page.CreatePasswordAsync("Soleil42Vert");
        await Page.ExpectHeadingAsync("Votre compte est créé");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Je me connecte à mon compte" }).ClickAsync();
        await Page.SignInAsync("12345678.90", "Soleil42Vert");
        await Page.ExpectHeadingAsync("Mon espace");
        await Expect(Page.MainArea().GetByText("PAUL COMET")).ToBeVisibleAsync();

        await Page.ClickButtonAsync("Se déconnecter");
        await Page.ExpectHeadingAsync("Vous êtes déconnecté");
        await Page.GotoAsync("/mon-espace.html");
        await Page.ExpectHeadingAsync("Je me connecte à mon compte");
    }

    [Fact]
    public async Task A_member_whose_phone_on_file_is_not_theirs_gives_a_new_phone_and_gets_the_code_there()
    {
        var member = await Stack.Database.AddMemberAsync(withPhone: true);
        var newPhone = $"06{Random.Shared.Next(10_000_000, 99_999_999)}";
        await Page.StartEnrolmentAsync(member);
        await Page.ClickButtonAsync("Confirmer");
        await Page.ClickButtonAsync("Ce n'est pas mon numéro de téléphone");

        await Page.ExpectHeadingAsync("Choix du canal pour finaliser l'abonnement");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.MainArea().GetByText("Choisissez SMS ou Courrier papier.")).ToBeVisibleAsync();
        await Page.GetByLabel("SMS", new() { Exact = true }).CheckAsync();
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Votre numéro de portable");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "www.bloctel.gouv.fr" })).ToBeVisibleAsync();
        await Page.GetByLabel("N° de portable").FillAsync($"{newPhone[..2]} {newPhone[2..4]} {newPhone[4..6]} {newPhone[6..8]} {newPhone[8..]}");
        await Page.GetByLabel("Confirmation téléphone portable").FillAsync("0600000000");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.FieldError("Confirmation téléphone portable")).ToHaveTextAsync("La confirmation ne correspond pas au numéro saisi.");
        await Expect(Page.GetByLabel("Confirmation téléphone portable")).ToHaveAttributeAsync("aria-invalid", "true");
        await Page.GetByLabel("Confirmation téléphone portable").FillAsync(newPhone);
        await Page.GetByLabel("Je ne souhaite pas être informé(e)").CheckAsync();
        await Page.ClickButtonAsync("Valider");

        await Page.EnterMemberNumberAsync(member);
        await Page.ExpectHeadingAsync("Je finalise la création de mon compte");
        await Page.EnterCodeAsync(await Stack.WaitForSmsCodeAsync(newPhone));
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        Assert.Equal(0, await Stack.CountSmsAsync(member.MobilePhone!));
        await Page.CreatePasswordAsync("Nuage77Bleu");
        await Page.ExpectHeadingAsync("Votre compte est créé");
    }

    [Fact]
    public async Task A_wrong_code_is_refused_next_to_the_field_with_the_tries_left_then_the_right_code_passes()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ReachCodeWithPhoneOnFileAsync(member);
        var code = await Stack.WaitForSmsCodeAsync(member.MobilePhone!);

        await Page.EnterCodeAsync(WrongCode(code));
        await Expect(Page.FieldError("Code de confirmation SMS")).ToHaveTextAsync("Le code saisi est incorrect. Il vous reste 2 essais.");
        await Expect(Page.GetByLabel("Code de confirmation SMS")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.Locator("#annonces")).ToContainTextAsync("Le code saisi est incorrect.");

        await Page.EnterCodeAsync(code);
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_the_journey_keeps_the_member_on_the_current_step()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ClickButtonAsync("Confirmer");
        await Page.ClickButtonAsync("C'est bien mon numéro de téléphone");
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");

        await Page.ReloadAsync();
        await Page.ExpectHeadingAsync("Merci de saisir votre identifiant");

        await Page.EnterMemberNumberAsync(member);
        await Page.ExpectHeadingAsync("Je finalise la création de mon compte");
        await Page.ReloadAsync();
        await Page.ExpectHeadingAsync("Je finalise la création de mon compte");
        await Expect(Page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Code valable encore");

        await Page.EnterCodeAsync(await Stack.WaitForSmsCodeAsync(member.MobilePhone!));
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
        await Page.ReloadAsync();
        await Page.ExpectHeadingAsync("Je crée mon mot de passe personnel");
    }

    [Fact]
    public async Task Retour_leads_back_through_the_screens_and_an_identity_nobody_has_is_told_without_saying_which_field()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ClickButtonAsync("Retour");
        await Page.ExpectHeadingAsync("Vous n'êtes pas encore inscrit ?");
        await Expect(Page.GetByLabel("Votre nom", new() { Exact = true })).ToHaveValueAsync(member.LastName.ToLowerInvariant());

        // A date typed with slashes and one-digit day or month comes out as jj/mm/aaaa.
        var birthDate = Page.GetByLabel("Votre date de naissance");
        await birthDate.FillAsync("");
        await birthDate.PressSequentiallyAsync(member.BirthDate.ToString("d/M/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(birthDate).ToHaveValueAsync(member.TypedBirthDate);

        await Page.GetByLabel("Votre prénom", new() { Exact = true }).FillAsync("quelquun");
        await Page.ClickButtonAsync("Valider");
        await Expect(Page.MainArea().GetByText("Nous n'avons pas pu vous identifier")).ToBeVisibleAsync();
        await Page.ClickButtonAsync("Retour");
        await Page.ExpectHeadingAsync("Je me connecte à mon compte");
    }

    [Fact]
    public async Task Renvoyer_un_code_sends_new_codes_until_the_journey_has_had_its_three()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ReachCodeWithPhoneOnFileAsync(member);
        await Stack.WaitForSmsCodeAsync(member.MobilePhone!);

        // Codes may be asked one second apart here (a click sooner answers the same as the last one):
        // the member clicks until the product says the journey has had its codes.
        var alert = Page.Locator("main .alert");
        for (var click = 0; click < 200 && !(await alert.InnerTextAsync()).Contains("pour cette demande", StringComparison.Ordinal); click++)
        {
            await Page.ClickButtonAsync("Renvoyer un code");
            await Expect(alert).ToContainTextAsync(new System.Text.RegularExpressions.Regex("nouveau code|trop de codes"));
        }

        await Expect(alert).ToHaveTextAsync("Vous avez demandé trop de codes pour cette demande. Merci de recommencer la procédure.");
        await Expect(Page.Heading("Je finalise la création de mon compte")).ToBeVisibleAsync();
        await Stack.WaitForSmsCodeAsync(member.MobilePhone!, alreadySent: 2);
        Assert.Equal(3, await Stack.CountSmsAsync(member.MobilePhone!));
    }
}
