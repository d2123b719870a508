using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

/// <summary>Building a routine from the stretch list: one action per stretch, staying on the list.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ListPickTests(BrowserFixture browser)
{
    private static readonly string[] Four = ["Thoracic extension", "Prone W", "Seated trunk rotation", "Lying arm extensions"];

    [Fact]
    public async Task Adding_four_stretches_from_the_list_takes_four_clicks_and_no_navigation()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        await page.GotoAsync("/stretches");
        var loads = 0;
        page.Load += (_, _) => loads++;

        foreach (var title in Four)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Add to My routine: {title}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove from My routine: {title}" })).ToBeVisibleAsync();
        }

        Assert.Equal(0, loads);
        Assert.EndsWith("/stretches", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-pick-status]")).ToHaveTextAsync("Added Lying arm extensions to “My routine”.");
        await Expect(page.Locator("article.in-routine")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open “My routine”" }).ClickAsync();
        await Expect(page.Locator(".routine-item .item-title")).ToHaveTextAsync(["Chin tucks", .. Four]);
    }

    [Fact]
    public async Task Cards_already_in_the_routine_are_marked_and_remove_in_place()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        var routine = new Uri(page.Url).AbsolutePath;
        await page.GetByRole(AriaRole.Link, new() { Name = "Add more stretches" }).ClickAsync();

        var card = page.Locator("article[data-slug=chin-tucks]");
        await Expect(card.Locator("[data-in-routine]")).ToHaveTextAsync("✓ In “My routine”");
        await Expect(page.Locator("article[data-slug=prone-w] [data-in-routine]")).ToBeHiddenAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove from My routine: Chin tucks" }).ClickAsync();
        await Expect(card.GetByRole(AriaRole.Button, new() { Name = "Add to My routine: Chin tucks" })).ToBeVisibleAsync();
        await Expect(card.Locator("[data-in-routine]")).ToBeHiddenAsync();

        await page.GotoAsync(routine);
        await Expect(page.Locator(".routine-item")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Each_card_offers_one_way_to_add_it_with_or_without_javascript(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = javaScript });
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        await page.GotoAsync("/stretches");

        // Every control a card shows (buttons, boxes, links out of its actions): one per card, and it says what it does.
        var controls = await page.Locator("article[data-slug]").EvaluateAllAsync<string[][]>(
            """
            cards => cards.map(card => [...card.querySelectorAll(".card-actions button, .card-actions a, .card-actions input:not([type=hidden]), .card-actions label")]
              .filter(c => c.getClientRects().length > 0)
              .map(c => c.getAttribute("aria-label") ?? c.textContent.trim()))
            """);

        Assert.True(controls.Length > 5, $"Only {controls.Length} cards on /stretches.");
        Assert.All(controls, c => Assert.Single(c));
        Assert.Equal("Remove from My routine: Chin tucks", controls[Array.FindIndex(controls, c => c[0].EndsWith(": Chin tucks", StringComparison.Ordinal))][0]);
        Assert.Equal(controls.Length - 1, controls.Count(c => c[0].StartsWith("Add to My routine: ", StringComparison.Ordinal)));
        await Expect(page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Add selected") })).ToHaveCountAsync(0);
        if (javaScript) // axe runs in the page
        {
            var axe = await page.RunAxe();
            Assert.True(axe.Violations.Length == 0, Accessibility.AxeTests.Describe("/stretches with a routine", "light", axe.Violations));
        }
    }

    [Fact]
    public async Task Without_javascript_adding_from_the_list_comes_back_to_the_same_list_and_card()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        await page.GotoAsync("/stretches?q=prone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to My routine: Prone W" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/stretches\?q=prone#stretch-prone-w$"));
        await Expect(page.Locator(".flash")).ToHaveTextAsync("Added Prone W to “My routine”.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove from My routine: Prone W" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_first_visitor_adds_from_the_list_to_a_routine_named_My_routine_and_comes_back_to_the_list()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stretches?category=neck");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine: Chin tucks" }).ClickAsync();
        await Expect(page.GetByLabel("Name of the new routine")).ToHaveValueAsync("My routine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/stretches\?category=neck#stretch-chin-tucks$"));
        await Expect(page.Locator("article[data-slug=chin-tucks] [data-in-routine]")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add to My routine: Chin tucks" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task At_320_px_the_list_with_its_add_buttons_and_the_player_need_no_sideways_scroll()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        var routine = new Uri(page.Url).AbsolutePath;

        foreach (var path in new[] { "/", "/stretches", routine, $"{routine}/play" })
        {
            await page.GotoAsync(path);
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]}px wide in a {widths[1]}px viewport.");
        }
    }

    /// <summary>A new visitor's first "Add to routine" (chin tucks), accepting the suggested name.</summary>
    private static async Task StartFirstRoutineAsync(IPage page)
    {
        await page.GotoAsync("/routines/add/chin-tucks");
        await Expect(page.GetByLabel("Name of the new routine")).ToHaveValueAsync("My routine");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
    }
}
