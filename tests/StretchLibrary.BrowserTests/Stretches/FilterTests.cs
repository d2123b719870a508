using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Stretches;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class FilterTests(BrowserFixture browser)
{
    [Fact]
    public async Task Area_filter_works_without_javascript()
    {
        // Arrange: the filter form is a plain GET form, so it must work with scripts off.
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stretches");
        var filters = page.GetByRole(AriaRole.Form, new() { Name = "Search and filter" });

        // Act: the filters sit behind one "Filters" control, a <details> that opens without script.
        await Expect(filters.GetByLabel("Area")).ToBeHiddenAsync();
        await filters.GetByText("Filters", new() { Exact = true }).ClickAsync();
        await filters.GetByLabel("Area").SelectOptionAsync(new SelectOptionValue { Label = "Neck" });
        await filters.GetByRole(AriaRole.Button, new() { Name = "Show stretches" }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"[?&]category=neck(&|$)"));
        // The stretch cards (the starter routines for the area follow them in a list of their own).
        var titles = await page.Locator(".card-list .card-title").AllTextContentsAsync();
        Assert.Equal(["Chin tucks", "Neck flexion and extension", "Seated cervical rotation"], titles.Order());
        await Expect(filters.GetByLabel("Area")).ToHaveValueAsync("neck");
    }

    [Theory]
    [InlineData("/stretches")]
    [InlineData("/stretches?q=desk")]
    [InlineData("/stretches?q=between+shoulder+blades")]
    public async Task On_a_320_by_640_phone_the_first_result_is_on_the_first_screen(string path)
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 320, Height = 640 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync(path);

        // Assert: the first card's title is wholly on screen without scrolling (and without the page zooming out to
        // fit something wider than the phone); the filters wait behind one control.
        await Expect(page.Locator(".card-list .card-title").First).ToBeInViewportAsync(new() { Ratio = 1 });
        var screen = await page.EvaluateAsync<int[]>("[window.innerWidth, window.innerHeight, window.scrollY]");
        Assert.Equal([320, 640, 0], screen);
        var filters = page.GetByRole(AriaRole.Form, new() { Name = "Search and filter" });
        await Expect(filters.GetByLabel("Area")).ToBeHiddenAsync();
        await Expect(filters.GetByLabel("Search", new() { Exact = true })).ToBeVisibleAsync();

        // Act: one tap opens them.
        await filters.GetByText("Filters", new() { Exact = true }).ClickAsync();

        // Assert
        await Expect(filters.GetByLabel("Area")).ToBeVisibleAsync();
        await Expect(filters.GetByLabel("Equipment")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task On_a_wide_screen_the_filters_start_open()
    {
        // Arrange
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 } });
        var page = await context.NewPageAsync();

        // Act
        await page.GotoAsync("/stretches");

        // Assert
        await Expect(page.GetByRole(AriaRole.Form, new() { Name = "Search and filter" }).GetByLabel("Area")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Position_tag_on_a_stretch_page_lists_every_stretch_done_in_that_position()
    {
        // Arrange
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stretches/chin-tucks");
        var tags = page.Locator(".stretch-header").GetByRole(AriaRole.List, new() { Name = "Position and equipment" });

        // Act
        await tags.GetByRole(AriaRole.Link, new() { Name = "seated", Exact = true }).ClickAsync();

        // Assert
        await Expect(page).ToHaveURLAsync(new Regex(@"/stretches\?position=seated$"));
        var cards = page.Locator("article.card");
        await Expect(cards).ToHaveCountAsync(SeatedStretchCount());
        foreach (var card in await cards.AllAsync())
        {
            await Expect(card.GetByRole(AriaRole.Link, new() { Name = "seated", Exact = true })).ToHaveCountAsync(1);
        }

        await Expect(cards.GetByRole(AriaRole.Heading, new() { Name = "Chin tucks", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Counted from the content files themselves, so the app's own filter is not its own oracle.</summary>
    private static int SeatedStretchCount() =>
        Directory.EnumerateFiles(Path.Join(StretchLibraryApp.RepositoryRoot, "content", "stretches"), "*.md", SearchOption.AllDirectories)
            .Count(file => File.ReadLines(file).First(line => line.StartsWith("positions:", StringComparison.Ordinal))
                .Contains("seated", StringComparison.Ordinal));
}
