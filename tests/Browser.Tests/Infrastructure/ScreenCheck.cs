using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// What every screen must pass: no serious or critical axe-core violation. And, for the screens tour,
/// a picture at a phone's width (360 px) and a desktop's (1280 px) under <c>docs/screens/</c>.
/// </summary>
public static class ScreenCheck
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>
    /// <c>docs/screens/</c> when <c>UPDATE_SCREENS=1</c>; otherwise the test's output folder, so that an ordinary
    /// run (CI, anyone's ./test.sh) leaves the checked-in pictures alone.
    /// </summary>
    private static string ScreensFolder =>
        Environment.GetEnvironmentVariable("UPDATE_SCREENS") == "1"
            ? RepositoryRoot.Path("docs", "screens")
            : Path.Combine(AppContext.BaseDirectory, "screens");

    public static async Task AssertAccessibleAsync(this IPage page, string screen)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core did not run on \"{screen}\".");
        var blocking = result.Violations
            .Where(violation => Blocking.Contains(violation.Impact))
            .Select(violation => $"{violation.Impact} {violation.Id}: {violation.Help} — " +
                string.Join(", ", violation.Nodes.Select(node => node.Target?.ToString())))
            .ToList();
        Assert.True(blocking.Count == 0, $"Accessibility of \"{screen}\":\n{string.Join('\n', blocking)}");
    }

    /// <summary>
    /// At 360 px and at 1280 px: no sideways scroll, no serious axe-core violation, and a picture
    /// <c>{name}-{width}.png</c> (see <see cref="ScreensFolder"/>).
    /// </summary>
    public static async Task CaptureAsync(this IPage page, string name)
    {
        var folder = ScreensFolder;
        Directory.CreateDirectory(folder);
        var original = page.ViewportSize;
        foreach (var width in new[] { 360, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            var pageWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(pageWidth <= width, $"\"{name}\" is {pageWidth} px wide in a {width} px window: it scrolls sideways.");
            await page.AssertAccessibleAsync($"{name} at {width} px");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(folder, $"{name}-{width}.png"),
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
                Caret = ScreenshotCaret.Hide,
            });
        }

        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }
}
