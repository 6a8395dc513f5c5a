using Enrolment.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enrolment.Browser.Tests;

/// <summary>
/// A code that expires while the member looks at it. The product under test gives codes 3 seconds of life:
/// the browser runs on the server's real clock, so a short lifetime replaces a 5-minute wait.
/// </summary>
[Collection(ShortCodeCollection.Name)]
public sealed class ExpiredCodeTests(ShortCodeStack stack, Chromium chromium) : BrowserTest(stack, chromium)
{
    [Fact]
    public async Task The_countdown_reaches_zero_the_expired_code_is_refused_and_a_new_code_can_be_sent()
    {
        var member = await Stack.Database.AddMemberAsync();
        await Page.StartEnrolmentAsync(member);
        await Page.ReachCodeWithPhoneOnFileAsync(member);
        var code = await Stack.WaitForSmsCodeAsync(member.MobilePhone!);

        await Expect(Page.GetByRole(AriaRole.Timer)).ToContainTextAsync("Ce code a expiré", new() { Timeout = 15_000 });
        await Page.EnterCodeAsync(code);
        await Expect(Page.FieldError("Code de confirmation SMS")).ToContainTextAsync("Ce code a expiré");

        await Page.ClickButtonAsync("Renvoyer un code");
        await Expect(Page.MainArea().GetByText("Un nouveau code vient de vous être envoyé par SMS.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Timer)).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Code valable encore|Ce code a expiré"));
        var newCode = await Stack.WaitForSmsCodeAsync(member.MobilePhone!, alreadySent: 1);
        Assert.Matches("^[0-9]{6}$", newCode);
    }
}
