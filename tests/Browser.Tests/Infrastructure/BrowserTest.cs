using Microsoft.Playwright;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// One test, one fresh browser context (no cookie or session storage from another test). A test fails when any
/// page threw a script error, or when a dialog opened (nothing in the product opens one; script in a name would).
/// </summary>
public abstract class BrowserTest(ProductStack stack, Chromium chromium) : IAsyncLifetime
{
    private readonly List<string> _dialogs = [];

    protected ProductStack Stack { get; } = stack;

    protected Chromium Chromium { get; } = chromium;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chromium.PageErrors.Clear();
        Page = await Chromium.NewPageAsync(Stack);
        Page.Dialog += async (_, dialog) =>
        {
            _dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public async Task DisposeAsync()
    {
        await Page.Context.CloseAsync();
        Assert.True(Chromium.PageErrors.Count == 0, $"Script errors in the pages: {string.Join(" | ", Chromium.PageErrors)}");
        Assert.True(_dialogs.Count == 0, $"Dialogs opened: {string.Join(" | ", _dialogs)}");
    }

    /// <summary>A six-digit code that is certainly not <paramref name="code"/>.</summary>
    protected static string WrongCode(string code) => new([.. code.Select(digit => (char)('0' + ((digit - '0' + 1) % 10)))]);
}
