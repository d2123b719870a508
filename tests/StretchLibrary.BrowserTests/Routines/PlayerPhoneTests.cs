using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

/// <summary>The guided session on a 390 px phone, the way a person holding one would use it.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class PlayerPhoneTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    [Fact]
    public async Task Before_starting_only_Start_Skip_and_Mute_show_with_the_sessions_length_and_Start_is_on_the_first_screen()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "neck-flexion-extension", "chin-tucks");

        await Expect(Button(page, "Start")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("[data-left]")).ToHaveTextAsync(new Regex("^About \\d+ s in all$"));
        await Expect(page.Locator("[data-left]")).ToBeInViewportAsync(new() { Ratio = 1 });
        // No unexplained number before Start: the timer appears once the session runs.
        await Expect(page.Locator("[data-timer]")).ToBeHiddenAsync();
        await Expect(Button(page, "Skip")).ToBeVisibleAsync();
        await Expect(Button(page, "Mute")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Pain right now, 0-10 (optional)")).ToBeInViewportAsync();
        await Expect(page.GetByLabel("I'll tap for each rep")).Not.ToBeCheckedAsync();
        foreach (var hidden in new[] { "Rep done", "Pause", "Back" })
        {
            await Expect(Button(page, hidden)).ToBeHiddenAsync();
        }

        await Button(page, "Start").ClickAsync();
        await Expect(Button(page, "Start")).ToBeHiddenAsync();
        await Expect(page.GetByLabel("Pain right now, 0-10 (optional)")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-left]")).ToHaveTextAsync(new Regex("^0:\\d\\d left$"));
    }

    [Fact]
    public async Task Tapping_for_each_rep_is_a_choice_the_player_remembers()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "neck-flexion-extension", "chin-tucks");

        await page.GetByLabel("I'll tap for each rep").CheckAsync();
        await page.ReloadAsync();
        await Expect(page.GetByLabel("I'll tap for each rep")).ToBeCheckedAsync();

        // Counted by the person: once the get-ready countdown is over, Rep done replaces Start, and Pause appears.
        await Button(page, "Start").ClickAsync();
        await Expect(Button(page, "Rep done")).ToBeVisibleAsync();
        await Expect(Button(page, "Pause")).ToBeVisibleAsync();
        await Button(page, "Rep done").ClickAsync();
        await Expect(page.Locator("[data-timer]")).ToHaveTextAsync("1 / 10");

        // Scrolled down to the steps, the stretch's name, the timer and its controls are still on screen.
        await page.Locator("[data-steps] li").Last.ScrollIntoViewIfNeededAsync();
        await page.Mouse.WheelAsync(0, 2000);
        await Expect(page.Locator("[data-title]")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("[data-timer]")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(Button(page, "Rep done")).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [Fact]
    public async Task Each_stretch_opens_with_a_get_ready_countdown_and_sides_change_after_a_switch_sides_pause()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "seated-cervical-rotation", "chin-tucks");

        var phases = await RunSessionAsync(page);

        Assert.Equal("ready|Get ready: left side first", phases[0]);
        Assert.Equal("hold|Left side, set 1 of 2", phases[1]);
        Assert.Equal("switch|Switch to the right side", phases[2]);
        Assert.Equal("hold|Right side, set 1 of 2", phases[3]);
        // The second stretch gets its own get-ready before its first rep.
        var chinTucks = Array.IndexOf(phases, "ready|Get ready");
        Assert.True(chinTucks > 3, string.Join("\n", phases));
        Assert.StartsWith("hold|Rep 1 of 10", phases[chinTucks + 1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_side_lying_stretch_does_every_set_on_one_side_then_rolls_over_once()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "thoracic-rotation-stretch");

        var phases = await RunSessionAsync(page);

        Assert.Equal(
            ["ready|Get ready: left side first", "hold|Left side, set 1 of 2", "rest|Relax before set 2 of 2", "hold|Left side, set 2 of 2",
             "switch|Roll over: right side next", "hold|Right side, set 1 of 2", "rest|Relax before set 2 of 2", "hold|Right side, set 2 of 2", "done|"],
            phases);
    }

    [Fact]
    public async Task Pain_given_before_the_start_is_filled_in_on_the_log_form()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "chin-tucks");

        await page.GetByLabel("Pain right now, 0-10 (optional)").FillAsync("4");
        await Button(page, "Start").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Expect(page.GetByLabel("Pain before (0-10, optional)")).ToHaveValueAsync("4");
        await Expect(page.GetByLabel("Pain after (0-10, optional)")).ToHaveValueAsync("");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Paused_mid_hold_the_phone_screen_shows_the_stretch_timer_and_controls(string scheme)
    {
        var options = new BrowserNewContextOptions(Phone) { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light };
        await using var context = await browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await OpenPlayerAsync(page, "seated-cervical-rotation");

        await Button(page, "Start").ClickAsync();
        await Expect(page.Locator("[data-session-player]")).ToHaveAttributeAsync("data-phase", "hold");
        await Button(page, "Pause").ClickAsync();

        await Expect(Button(page, "Resume")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(page.Locator("[data-cue]")).ToHaveTextAsync(new Regex("^(Left|Right) side, set \\d of 2$"));
        await Expect(Button(page, "Back")).ToBeVisibleAsync();
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Join(StretchLibraryApp.RepositoryRoot, "docs", "screenshots", $"player-phone-{scheme}.png") });
        }
    }

    [Fact]
    public async Task The_guest_banner_is_compact_on_a_phone_stays_dismissed_and_leaves_the_player_alone()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));

        var banner = page.Locator(".guest-banner");
        var box = await banner.BoundingBoxAsync();
        Assert.True(box!.Height <= 844 / 10, $"The banner is {box.Height}px tall.");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Account" })).ToBeVisibleAsync();

        // The player owns the screen: no banner there, even before it is dismissed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await Expect(Button(page, "Start")).ToBeVisibleAsync();
        await Expect(banner).ToHaveCountAsync(0);

        await page.GoBackAsync();
        await DismissBannerAsync(page);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" })).ToBeVisibleAsync();
        await Expect(banner).ToHaveCountAsync(0);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static async Task DismissBannerAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(page.Locator(".guest-banner")).ToHaveCountAsync(0);
    }

    /// <summary>Starts the session and returns every phase it went through with its cue, e.g. "switch|Switch to the right side".</summary>
    private static async Task<string[]> RunSessionAsync(IPage page)
    {
        await page.EvaluateAsync("""
            () => {
              window.phases = [];
              const player = document.querySelector("[data-session-player]");
              player.addEventListener("session:phase", (e) =>
                window.phases.push(e.detail.phase + "|" + (e.detail.phase === "done" ? "" : player.querySelector("[data-cue]").textContent)));
            }
            """);
        await Button(page, "Start").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        return await page.EvaluateAsync<string[]>("() => window.phases");
    }

    internal static async Task OpenPlayerAsync(IPage page, params string[] slugs)
    {
        foreach (var slug in slugs)
        {
            await page.GotoAsync($"/routines/add/{slug}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await Expect(page.Locator("[data-session-player]")).ToBeVisibleAsync();
    }
}
