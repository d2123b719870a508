using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class GuidedSessionTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_two_stretch_guided_session_runs_to_the_end_and_is_logged_in_the_history()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await CreateRoutineAsync(page, "chin-tucks", "seated-cervical-rotation");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chin tucks" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next stretch" })).ToBeHiddenAsync();

        // Space is the start/pause shortcut; holds run at 1/100 speed in tests.
        await page.Keyboard.PressAsync("Space");
        await Expect(page.Locator("[data-announce]")).ToContainTextAsync("Chin tucks");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-summary]")).ToContainTextAsync("You did 2 of 2 stretches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("1");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("table.history tbody tr td").Nth(1)).ToHaveTextAsync("Chin tucks, Seated cervical rotation");
    }

    [Fact]
    public async Task A_skipped_stretch_is_left_unticked_in_the_log()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await CreateRoutineAsync(page, "seated-cervical-rotation", "chin-tucks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chin tucks" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Seated cervical rotation" })).Not.ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Chin tucks" })).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Without_javascript_the_session_is_a_page_per_stretch_ending_in_the_log_form()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await CreateRoutineAsync(page, "chin-tucks", "prone-w");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();

        await Expect(page.GetByText("Stretch 1 of 2")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next stretch" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Prone W" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Finish" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("1");
    }

    internal static async Task CreateRoutineAsync(IPage page, params string[] slugs)
    {
        await page.GotoAsync($"/routines/add/{slugs[0]}");
        await page.GetByLabel("Name of the new routine").FillAsync("Session test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        foreach (var slug in slugs.Skip(1))
        {
            await page.GotoAsync($"/routines/add/{slug}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        }
    }
}
