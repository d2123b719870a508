using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Layout;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task First_Tab_focuses_the_skip_link_and_Enter_moves_focus_to_main()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var skipLink = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });

        // Act
        await page.Keyboard.PressAsync("Tab");

        // Assert: focused, and moved on screen so a sighted keyboard user sees it.
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        // Act
        await page.Keyboard.PressAsync("Enter");

        // Assert
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
    }
}
