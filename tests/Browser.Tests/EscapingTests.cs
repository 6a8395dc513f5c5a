using Enrolment.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>Script in a name is shown as the characters it is made of, never run.</summary>
[Collection(ProductCollection.Name)]
public sealed class EscapingTests(ProductStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task Script_typed_in_a_name_is_refused_next_to_the_field_and_stays_plain_text()
    {
        const string hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        await Page.OpenEnrolmentAsync();
        var member = await Stack.Database.AddMemberAsync();
        await Page.FillIdentityAsync(member, "membre@exemple.fr", lastName: hostile);
        await Page.ClickButtonAsync("Valider");

        await Expect(Page.FieldError("Votre nom")).Not.ToBeEmptyAsync();
        await Expect(Page.GetByLabel("Votre nom", new() { Exact = true })).ToHaveValueAsync(hostile);
        await Expect(Page.Locator("main img")).ToHaveCountAsync(0);
        await Expect(Page.Locator("main script")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Markup_in_a_directory_name_is_shown_back_escaped_on_the_identity_confirmation()
    {
        // The directory's name holds markup; the member types the same words, which the search normalises alike.
        var unique = new string([.. Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
        var member = await Stack.Database.AddMemberAsync(lastName: $"<SCRIPT>ALERT</SCRIPT> ESSAI {unique}");
        var typedLastName = $"script alert script essai {unique.ToLowerInvariant()}";
        await Page.OpenEnrolmentAsync();
        await Page.FillIdentityAsync(member, "membre@exemple.fr", lastName: typedLastName);
        await Page.ClickButtonAsync("Valider");

        await Page.ExpectHeadingAsync("Nous avons bien identifié votre compte.");
        await Expect(Page.MainArea().GetByText($"CLAIRE {member.LastName}")).ToBeVisibleAsync();
        await Expect(Page.Locator("main script")).ToHaveCountAsync(0);
    }
}
