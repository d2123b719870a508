using Deque.AxeCore.Playwright;
using StretchLibrary.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

/// <summary>
/// The guided session owns a phone's screen: the site's header shrinks to Exit, the routine's name and a Menu, so
/// the figure, the cue and Start are on the first screen of the smallest and a common phone.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class PlayerScreenTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(320, 568, "light")]
    [InlineData(320, 568, "dark")]
    [InlineData(390, 844, "light")]
    [InlineData(390, 844, "dark")]
    public async Task Before_Start_the_figure_the_cue_and_Start_are_on_the_first_screen(int width, int height, string scheme)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = true,
            HasTouch = true,
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        // A rep stretch first: its "I'll tap for each rep" choice makes the stage as tall as it gets before Start.
        await PlayerPhoneTests.OpenPlayerAsync(page, "neck-flexion-extension", "chin-tucks");
        var player = page.Locator("[data-session-player]");
        await Expect(page.GetByLabel("I'll tap for each rep")).ToBeVisibleAsync();
        await Expect(player.Locator(".figure-player-item:not([hidden])")).ToHaveCountAsync(1);

        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Join(StretchLibraryApp.RepositoryRoot, "docs", "screenshots", $"player-{width}x{height}-{scheme}.png") });
        }
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        await AssertWithinViewportAsync(page, player.Locator(".figure-player-item:not([hidden])"), "the figure");
        await AssertWithinViewportAsync(page, player.Locator("[data-cue]"), "the cue");
        await AssertWithinViewportAsync(page, player.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }), "Start");
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "The page scrolls sideways.");

        // The header is one line: Exit back to the routine, its name, and the whole menu behind one control.
        var header = page.GetByRole(AriaRole.Banner);
        await Expect(header.GetByRole(AriaRole.Link, new() { Name = "Exit" })).ToHaveAttributeAsync("href", new Regex(@"^/routines/\d+$"));
        await Expect(header.Locator(".player-name")).ToHaveTextAsync("My routine");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Search)).ToBeHiddenAsync();

        var closed = await page.RunAxe();
        Assert.True(closed.Violations.Length == 0, AxeTests.Describe(page.Url + " (menu closed)", scheme, closed.Violations));

        await header.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My routines" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Search).GetByLabel("Search stretches")).ToBeVisibleAsync();
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "With the menu open the page scrolls sideways.");
        var open = await page.RunAxe();
        Assert.True(open.Violations.Length == 0, AxeTests.Describe(page.Url + " (menu open)", scheme, open.Violations));
    }

    private static async Task AssertWithinViewportAsync(IPage page, ILocator locator, string what)
    {
        var box = await locator.BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        Assert.NotNull(box);
        Assert.True(
            box.X >= 0 && box.Y >= 0 && box.X + box.Width <= viewport.Width && box.Y + box.Height <= viewport.Height,
            $"{what} is at x {box.X}, y {box.Y}, {box.Width} x {box.Height}; the screen is {viewport.Width} x {viewport.Height}.");
    }
}
