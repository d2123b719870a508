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

    [Fact]
    public async Task Several_stretches_are_added_at_once_with_the_select_boxes()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        await page.GotoAsync("/stretches?category=posture");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Prone W" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Foam roller I, Y, T" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add selected" }).ClickAsync();

        await Expect(page.Locator("[data-pick-status]")).ToHaveTextAsync("Added 2 stretches to “My routine”.");
        await Expect(page.Locator("article.in-routine")).ToHaveCountAsync(2);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Select Prone W" })).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Add_selected_stays_in_reach_while_cards_are_ticked_and_adds_them_in_the_order_ticked()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await StartFirstRoutineAsync(page);
        var routine = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync("/stretches");
        var cards = page.Locator("article[data-slug]:not(.in-routine)");
        var titles = await cards.Locator(".card-title").AllTextContentsAsync();
        var (first, last) = (titles[0].Trim(), titles[^1].Trim());
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add selected" });

        // The last card on the page first, then the first: far from the button at the top.
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {last}" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {first}" }).CheckAsync();
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight / 2)");

        await Expect(add).ToHaveTextAsync("Add selected (2)");
        await Expect(add).ToBeInViewportAsync(new() { Ratio = 1 });
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"/stretches with the floating button is {widths[0]}px wide in a {widths[1]}px viewport.");
        await add.ClickAsync();
        await Expect(page.Locator("[data-pick-status]")).ToHaveTextAsync("Added 2 stretches to “My routine”.");
        await Expect(add).ToHaveTextAsync("Add selected");

        await page.GotoAsync(routine);
        await Expect(page.Locator(".routine-item .item-title")).ToHaveTextAsync(["Chin tucks", last, first]);
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
