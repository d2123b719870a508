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

    [Fact]
    public async Task A_search_with_an_unknown_word_lists_the_stretch_the_other_word_names_as_a_partial_match()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/stretches?q=chin+zebra");

        // Assert
        await Expect(page.Locator(".partial-note")).ToContainTextAsync("No stretch matches every word; these match some of them");
        await Expect(page.Locator(".card-title").First).ToHaveTextAsync("Chin tucks");
    }

    [Theory]
    [InlineData("stiff neck")]
    [InlineData("neck pain")]
    [InlineData("nek")]
    public async Task Neck_searches_in_everyday_words_list_the_three_neck_stretches_first(string query)
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var search = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox, new() { Name = "Search stretches" });

        // Act
        await search.FillAsync(query);
        await search.PressAsync("Enter");

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"/stretches\?q="));
        var titles = await page.Locator(".card-title").AllTextContentsAsync();
        Assert.Equal(["Chin tucks", "Neck flexion and extension", "Seated cervical rotation"], titles.Take(3).Select(t => t.Trim()).Order());
        Assert.Equal(0, await page.Locator(".partial-note").CountAsync());
    }
}
