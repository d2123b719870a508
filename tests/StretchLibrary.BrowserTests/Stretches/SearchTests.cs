using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Stretches;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class SearchTests(BrowserFixture browser)
{
    [Fact]
    public async Task Misspelled_search_from_the_header_finds_the_thoracic_stretches_and_opens_one()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var search = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox, new() { Name = "Search stretches" });

        // Act
        await search.ClickAsync();
        await search.PressSequentiallyAsync("thorasic");
        await search.PressAsync("Enter");

        // Assert: one typo is forgiven, and every stretch that mentions the thoracic spine is listed.
        await Expect(page).ToHaveURLAsync(new Regex(@"/stretches\?q=thorasic$"));
        await Expect(page.Locator(".result-count strong")).ToHaveTextAsync("4");
        var titles = await page.Locator(".card-title").AllTextContentsAsync();
        Assert.Equal(["Foam roller I, Y, T", "Quadruped rotation", "Thoracic extension", "Thoracic rotation stretch"], titles.Order());
        // Title matches rank above stretches that only mention the word.
        Assert.Equal(["Thoracic extension", "Thoracic rotation stretch"], titles.Take(2).Order());

        // Act
        await page.GetByRole(AriaRole.Link, new() { Name = "Thoracic extension", Exact = true }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex("/stretches/thoracic-extension$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Thoracic extension");
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "How much" })).ToContainTextAsync("Hold 5-10 s, 10 reps");
    }
}
