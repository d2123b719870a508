using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class FigurePlayerTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_current_stretch_animates_until_Pause_stops_it_on_the_still_frames()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await GuidedSessionTests.CreateRoutineAsync(page, "chin-tucks", "prone-w");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        var player = page.Locator("[data-session-player] [data-figure-player]");
        var motion = player.Locator("[data-figure-slug=chin-tucks] [data-motion]");

        // Moving: the drawing changes on its own.
        await Expect(motion).ToBeVisibleAsync();
        var first = await motion.InnerHTMLAsync();
        await Expect(motion).Not.ToHaveJSPropertyAsync("innerHTML", first, new() { Timeout = 10_000 });

        await player.GetByRole(AriaRole.Button, new() { Name = "Pause animation" }).ClickAsync();

        await Expect(motion).ToBeHiddenAsync();
        var stills = player.Locator("[data-figure-slug=chin-tucks] [data-still]").GetByRole(AriaRole.Img);
        await Expect(stills).ToHaveCountAsync(2);
        var paused = await motion.InnerHTMLAsync();
        await page.WaitForTimeoutAsync(1500);
        Assert.Equal(paused, await motion.InnerHTMLAsync());
        await Expect(player.GetByRole(AriaRole.Button, new() { Name = "Play animation" })).ToHaveAttributeAsync("aria-pressed", "true");
    }

    [Fact]
    public async Task With_reduced_motion_the_player_shows_still_frames_only()
    {
        await using var context = await browser.NewContextAsync(new() { ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await GuidedSessionTests.CreateRoutineAsync(page, "chin-tucks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();

        var item = page.Locator("[data-session-player] [data-figure-slug=chin-tucks]");
        await Expect(item.Locator("[data-still]").GetByRole(AriaRole.Img)).ToHaveCountAsync(2);
        await Expect(item.Locator("[data-motion]")).ToBeHiddenAsync();
    }
}
