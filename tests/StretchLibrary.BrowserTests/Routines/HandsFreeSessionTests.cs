using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

/// <summary>
/// The guided session followed with the phone out of reach: paced reps, relax phases and side changes with no
/// input after Start (speech recorded through a stub <c>speechSynthesis</c>), and a session that survives a
/// reload, going offline and a pause.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed partial class HandsFreeSessionTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true };

    // Every utterance the page speaks, in order, kept on window.spoken.
    private const string RecordSpeech = """
        window.spoken = [];
        Object.defineProperty(window, "SpeechSynthesisUtterance", { configurable: true, writable: true, value: class { constructor(text) { this.text = text; } } });
        Object.defineProperty(window, "speechSynthesis", { configurable: true, value: { speak: (u) => window.spoken.push(u.text), cancel: () => {}, getVoices: () => [] } });
        """;

    [Fact]
    public async Task A_four_stretch_routine_runs_from_Start_to_the_log_form_with_counts_relaxes_and_side_changes_spoken_in_order()
    {
        await using var context = await browser.NewContextAsync(Phone);
        await context.AddInitScriptAsync(RecordSpeech);
        var page = await context.NewPageAsync();
        await PlayerPhoneTests.OpenPlayerAsync(page, "chin-tucks", "neck-flexion-extension", "seated-cervical-rotation", "thoracic-rotation-stretch");
        await RecordPhasesAsync(page);

        await Button(page, "Start").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        List<string> expected = ["Chin tucks. Get ready", "Rep 1 of 10, hold N seconds"];
        for (var rep = 2; rep <= 10; rep++)
        {
            expected.AddRange(["Relax", $"Rep {rep} of 10"]);
        }

        expected.Add("Neck flexion and extension. Get ready");
        for (var rep = 1; rep <= 10; rep++)
        {
            expected.AddRange(["Look down", $"and up, {rep} of 10"]);
        }

        expected.AddRange([
            "Seated cervical rotation. Get ready: left side first", "Left side, set 1 of 2, hold N seconds",
            "Switch to the right side", "Right side, set 1 of 2, hold N seconds",
            "Switch to the left side", "Left side, set 2 of 2, hold N seconds",
            "Switch to the right side", "Right side, set 2 of 2, hold N seconds",
            "Thoracic rotation stretch. Get ready: left side first", "Left side, set 1 of 2, hold N seconds",
            "Relax before set 2 of 2", "Left side, set 2 of 2, hold N seconds",
            "Roll over: right side next", "Right side, set 1 of 2, hold N seconds",
            "Relax before set 2 of 2", "Right side, set 2 of 2, hold N seconds",
            "Session complete. You did 4 of 4 stretches. Log the session to keep your streak.",
        ]);
        var spoken = (await page.EvaluateAsync<string[]>("() => window.spoken")).Select(s => HoldSeconds().Replace(s, ", hold N seconds"));
        Assert.Equal(expected, spoken);

        // On screen, each paced rep moves out, then back with its count, and held reps relax in between.
        var phases = await page.EvaluateAsync<string[]>("() => window.phases");
        Assert.Contains("neck-flexion-extension reps move|Look down …|3 of 10", phases);
        Assert.Contains("neck-flexion-extension reps return|… and up, 3 of 10|3 of 10", phases);
        Assert.Equal(9, phases.Count(p => p.StartsWith("chin-tucks relax", StringComparison.Ordinal)));
        foreach (var name in new[] { "Chin tucks", "Neck flexion and extension", "Seated cervical rotation", "Thoracic rotation stretch" })
        {
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = name })).ToBeCheckedAsync();
        }
    }

    [Fact]
    public async Task A_reload_in_the_middle_of_stretch_2_offers_to_resume_there_with_the_pain_answer_kept()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await PlayerPhoneTests.OpenPlayerAsync(page, "chin-tucks", "seated-cervical-rotation", "neck-flexion-extension", "thoracic-rotation-stretch");
        // The way a locked phone or an evicted tab comes back: the page reloads as stretch 2's first hold begins.
        await page.EvaluateAsync("""
            () => document.querySelector("[data-session-player]").addEventListener("session:phase", (e) => {
              if (e.detail.slug === "seated-cervical-rotation" && e.detail.phase === "hold") location.reload();
            })
            """);
        await page.GetByLabel("Pain right now, 0-10 (optional)").FillAsync("3");
        await Button(page, "Start").ClickAsync();

        await Expect(page.GetByText("Resume at stretch 2 of 4?")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(Button(page, "Start")).ToBeHiddenAsync();
        await RecordPhasesAsync(page);
        await Button(page, "Resume").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var phases = await page.EvaluateAsync<string[]>("() => window.phases");
        Assert.StartsWith("seated-cervical-rotation ready|Get ready", phases[0], StringComparison.Ordinal);
        Assert.StartsWith("seated-cervical-rotation hold|Left side, set 1 of 2", phases[1], StringComparison.Ordinal);
        Assert.DoesNotContain(phases, p => p.StartsWith("chin-tucks", StringComparison.Ordinal));
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Chin tucks" })).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Pain before (0-10, optional)")).ToHaveValueAsync("3");

        // Logged, the place is forgotten: the next session starts afresh.
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await Expect(Button(page, "Start")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-resume]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Start_over_forgets_the_saved_place()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await PlayerPhoneTests.OpenPlayerAsync(page, "chin-tucks", "seated-cervical-rotation");
        await page.EvaluateAsync("""
            () => document.querySelector("[data-session-player]").addEventListener("session:phase", (e) => {
              if (e.detail.slug === "seated-cervical-rotation" && e.detail.phase === "hold") location.reload();
            })
            """);
        await Button(page, "Start").ClickAsync();
        await Expect(page.GetByText("Resume at stretch 2 of 2?")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Button(page, "Start over").ClickAsync();

        await Expect(Button(page, "Start")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("Stretch 1 of 2");
        await page.ReloadAsync();
        await Expect(Button(page, "Start")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-resume]")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Offline_mid_session_a_reload_is_served_by_the_service_worker_and_resumes_where_it_was()
    {
        await using var context = await browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await PlayerPhoneTests.OpenPlayerAsync(page, "chin-tucks", "seated-cervical-rotation");
        var play = new Uri(page.Url).AbsolutePath;
        // Kept by the service worker after one visit.
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        await page.ReloadAsync();
        await page.WaitForFunctionAsync(
            "async path => { for (const name of await caches.keys()) { if (name.startsWith('pages-') && await (await caches.open(name)).match(path)) return true; } return false; }",
            play);
        await PauseAtAsync(page, "seated-cervical-rotation");
        await Button(page, "Start").ClickAsync();
        await Expect(page.Locator("[data-paused-label]")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();

        await Expect(page.Locator(".offline-note")).ToBeVisibleAsync();
        await Expect(page.GetByText("Resume at stretch 2 of 2?")).ToBeVisibleAsync();
        await Button(page, "Resume").ClickAsync();
        await Expect(page.Locator("[data-progress]")).ToHaveTextAsync("Stretch 2 of 2");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Chin tucks" })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator(".offline-saved")).ToContainTextAsync("Saved on this device");
    }

    [Fact]
    public async Task Paused_the_clock_stops_and_Paused_shows_until_resumed()
    {
        await using var context = await browser.NewContextAsync(Phone);
        await context.Clock.InstallAsync();
        var page = await context.NewPageAsync();
        await PlayerPhoneTests.OpenPlayerAsync(page, "seated-cervical-rotation");
        await PauseAtAsync(page, "seated-cervical-rotation");
        await Expect(page.Locator("[data-paused-label]")).ToBeHiddenAsync();

        await Button(page, "Start").ClickAsync();
        await Expect(page.Locator("[data-paused-label]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-paused-label]")).ToHaveTextAsync("Paused");
        var timer = await page.Locator("[data-timer]").TextContentAsync();
        var left = await page.Locator("[data-left]").TextContentAsync();
        Assert.Matches(@"^0:\d\d left$", left);

        // A minute goes by on the page's clock: nothing moves while paused.
        await page.Clock.FastForwardAsync(60_000);
        await Expect(page.Locator("[data-session-player]")).ToHaveAttributeAsync("data-phase", "hold");
        await Expect(page.Locator("[data-timer]")).ToHaveTextAsync(timer!);
        await Expect(page.Locator("[data-left]")).ToHaveTextAsync(left!);
        await Expect(page.Locator("[data-cue]")).ToHaveTextAsync("Left side, set 1 of 2");

        await Button(page, "Resume").ClickAsync();
        await Expect(page.Locator("[data-paused-label]")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Presses Pause as the named stretch's first hold begins (a person reaching for the phone at that moment).</summary>
    private static async Task PauseAtAsync(IPage page, string slug) => await page.EvaluateAsync("""
        (slug) => {
          const player = document.querySelector("[data-session-player]");
          const pause = (e) => {
            if (e.detail.slug === slug && e.detail.phase === "hold") {
              player.removeEventListener("session:phase", pause);
              player.querySelector("[data-pause]").click();
            }
          };
          player.addEventListener("session:phase", pause);
        }
        """, slug);

    /// <summary>Keeps every phase on window.phases as "slug phase[ step]|cue|timer".</summary>
    private static async Task RecordPhasesAsync(IPage page) => await page.EvaluateAsync("""
        () => {
          window.phases = [];
          const player = document.querySelector("[data-session-player]");
          player.addEventListener("session:phase", (e) => {
            const d = e.detail;
            window.phases.push(`${d.slug} ${d.phase}${d.step ? " " + d.step : ""}|${player.querySelector("[data-cue]").textContent}|${player.querySelector("[data-timer]").textContent}`);
          });
        }
        """);

    [GeneratedRegex(@", hold \d+ seconds?")]
    private static partial Regex HoldSeconds();
}
