using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Layout;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class ViewportTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/stretches")]
    [InlineData("/stretches?q=thoracic&position=seated")]
    [InlineData("/stretches/thoracic-rotation-stretch")]
    [InlineData("/guides/safe-stretching")]
    public async Task Page_on_a_phone_has_no_horizontal_scroll(string path)
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync(path);

        // Assert
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        var (scrollWidth, clientWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= clientWidth, $"{path} is {scrollWidth}px wide in a {clientWidth}px viewport.");
    }

    [Fact]
    public async Task Stretch_page_on_a_desktop_shows_title_and_dosage_in_the_first_screen()
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/stretches/thoracic-extension");

        // Assert
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeInViewportAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How much" })).ToBeInViewportAsync(new() { Ratio = 1 });

        // For the README: only when asked, so a normal run never rewrites a tracked file.
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new()
            {
                Path = Path.Join(StretchLibraryApp.RepositoryRoot, "docs", "screenshots", "stretch-page.png"),
                FullPage = true,
            });
        }
    }
}
