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

    [Theory]
    [InlineData("move", 8)]
    [InlineData("return", 0)]
    public async Task In_paced_reps_the_figure_moves_in_step_and_stops_where_the_count_stops(string step, int drawing)
    {
        await using var context = await browser.NewContextAsync();
        await context.Clock.InstallAsync();
        var page = await context.NewPageAsync();
        await GuidedSessionTests.CreateRoutineAsync(page, "neck-flexion-extension");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        // Pause the session as the first rep's move (or way back) begins: the figure finishes that half and rests there.
        await page.EvaluateAsync("""
            (step) => {
              const player = document.querySelector("[data-session-player]");
              const pause = (e) => {
                if (e.detail.step === step) {
                  player.removeEventListener("session:phase", pause);
                  player.querySelector("[data-pause]").click();
                }
              };
              player.addEventListener("session:phase", pause);
            }
            """, step);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        var motion = page.Locator("[data-session-player] [data-figure-slug=neck-flexion-extension] [data-motion]");
        await Expect(page.Locator("[data-session-player]")).ToHaveAttributeAsync("data-paused", "true");

        // Two frames, 8 drawings per move: the way out ends on drawing 8 (looking up), the way back on drawing 0.
        // The expected drawing is fetched first, so each check below is a plain comparison that can be waited for.
        var expected = await page.EvaluateAsync<string>("""
            async (n) => {
              const box = document.createElement("div");
              box.innerHTML = await (await fetch(`/figures/neck-flexion-extension/motion/${n}.svg`)).text();
              return box.innerHTML;
            }
            """, drawing);
        const string Showing = "(expected) => document.querySelector('[data-session-player] [data-figure-slug=neck-flexion-extension] [data-motion]').innerHTML === expected";
        await page.WaitForFunctionAsync(Showing, expected);
        await Expect(motion).ToBeVisibleAsync();

        // Seconds later on the page's clock it is still there, not looping on its own.
        await page.Clock.FastForwardAsync(10_000);
        Assert.True(await page.EvaluateAsync<bool>(Showing, expected));
        await page.Clock.FastForwardAsync(1_300);
        Assert.True(await page.EvaluateAsync<bool>(Showing, expected));
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
