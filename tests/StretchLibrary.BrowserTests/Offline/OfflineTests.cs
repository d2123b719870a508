using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Offline;

/// <summary>
/// The service worker and the offline queue, in Chromium with the network switched off through Playwright
/// (<c>SetOfflineAsync</c>): pages kept after one visit, "Mark done" logged exactly once, copies gone at sign-out.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class OfflineTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_routine_its_sheet_and_its_guided_session_work_offline_and_each_mark_done_syncs_exactly_once()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var routine = await CreateRoutineAsync(page);
        await VisitOnceAsync(page, routine, $"{routine}/sheet", $"{routine}/play");
        Assert.Equal(routine, new Uri(page.Url).AbsolutePath);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.Locator(".offline-note")).ToContainTextAsync("Offline: showing the copy from");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Offline test", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Print sheet" }).ClickAsync();
        await Expect(page.Locator(".offline-note")).ToBeVisibleAsync();
        await Expect(page.Locator(".sheet").GetByText("Chin tucks").First).ToBeVisibleAsync();

        // A guided session from start to finish, logged offline.
        await page.GotoAsync($"{routine}/play");
        await Expect(page.Locator(".offline-note")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator(".offline-saved")).ToHaveTextAsync("Saved on this device, will sync when you're back online.");

        // A double tap on the routine page is one session.
        await page.GotoAsync(routine);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).DblClickAsync();
        await Expect(page.Locator(".offline-saved")).ToContainTextAsync("Saved on this device");

        // A second tab marks it done once more.
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(routine);
        await tab.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(tab.Locator(".offline-saved")).ToContainTextAsync("Saved on this device");
        Assert.Equal(3, await tab.EvaluateAsync<int>("async () => (await StretchQueue.all()).length"));

        // A page never opened gets the offline page, not the browser's error.
        await tab.GotoAsync("/guides");
        await Expect(tab.GetByRole(AriaRole.Heading, new() { Name = "You’re offline" })).ToBeVisibleAsync();

        // Back online both tabs (and the worker) send the queue; the server keeps each log once.
        await context.SetOfflineAsync(false);
        await Expect(page.Locator("[data-sync-status]")).ToContainTextAsync("Synced", new() { Timeout = 15_000 });
        await page.WaitForFunctionAsync("async () => (await StretchQueue.all()).length === 0");
        await tab.ReloadAsync();
        await page.ReloadAsync();

        await Expect(page.Locator(".offline-note")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("3");
        await page.GotoAsync($"{routine}/history");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(3);
    }

    [Fact]
    public async Task An_offline_log_counts_at_once_as_waiting_to_sync_and_the_page_updates_itself_when_it_syncs()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var routine = await CreateRoutineAsync(page);
        // Done yesterday, online: today's offline log makes a streak of two days.
        await page.GetByLabel("Date").FillAsync(DateTime.Now.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("1");
        await VisitOnceAsync(page, routine);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        // The app's own date format ("6 Dec 2026 15:53"), not the browser's.
        await Expect(page.Locator(".offline-note")).ToHaveTextAsync(new Regex(@"^Offline: showing the copy from \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}\.$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        var pending = page.Locator("[data-pending-note]");
        await Expect(pending).ToHaveTextAsync("Counted here: 1 session saved on this device, waiting to sync.");
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-stat=streak]")).ToHaveTextAsync("2 days");
        await Expect(page.Locator("[data-stat=longest]")).ToHaveTextAsync("2 days");
        await Expect(page.Locator("[data-stat=last]")).ToHaveTextAsync("today");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(1);

        // Back online the page sends the log and updates itself, without a reload.
        await page.EvaluateAsync("() => { window.notReloaded = true; }");
        await context.SetOfflineAsync(false);
        await Expect(page.Locator(".offline-note")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(2);
        await Expect(pending).ToBeHiddenAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-stat=streak]")).ToHaveTextAsync("2 days");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));

        // The worker kept that fresh page: opened offline again, it shows the synced figures.
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.Locator(".offline-note")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("2");
        await Expect(page.Locator("table.history tbody tr")).ToHaveCountAsync(2);
        await Expect(pending).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Signing_out_removes_the_offline_copies_and_the_queue()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var routine = await CreateRoutineAsync(page);
        await VisitOnceAsync(page, routine, $"{routine}/sheet");
        // A log that cannot be sent yet: this page's requests to the sync endpoint fail.
        await page.RouteAsync("**/sessions", route => route.AbortAsync());
        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator(".offline-saved")).ToContainTextAsync("Saved on this device");
        Assert.Equal(1, await page.EvaluateAsync<int>("async () => (await StretchQueue.all()).length"));
        Assert.True(await KeptAsync(page, routine));
        await context.SetOfflineAsync(false);

        await page.GotoAsync("/account/logout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());

        Assert.False(await KeptAsync(page, routine));
        Assert.False(await KeptAsync(page, $"{routine}/sheet"));
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await StretchQueue.all()).length"));
        // Clear-Site-Data also unregistered the worker; the page after sign-out registers it again. Wait until it is
        // active (its install keeps the offline page) before cutting the connection.
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await context.SetOfflineAsync(true);
        await page.GotoAsync(routine);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You’re offline" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_queued_log_whose_id_was_already_used_for_another_routine_is_dropped_with_a_message()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var first = await CreateRoutineAsync(page);
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByLabel("A new routine").CheckAsync();
        await page.GetByLabel("Name of the new routine").FillAsync("Second");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Second", Level = 1 })).ToBeVisibleAsync();
        var second = new Uri(page.Url).AbsolutePath;
        var log = $$"""{ "clientId": "{{Guid.NewGuid()}}", "date": "{{DateTime.UtcNow:yyyy-MM-dd}}", "stretches": ["chin-tucks"], "tz": "UTC" }""";
        // The id is used for the first routine (as a stale queue on another device might have done) ...
        Assert.Equal(201, await page.EvaluateAsync<int>(
            "async ([path, body]) => (await fetch(path + '/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })).status",
            new[] { first, log }));

        // ... and then queued on this device for the second routine.
        await page.EvaluateAsync(
            "async ([path, body]) => { const b = JSON.parse(body); await StretchQueue.add({ clientId: b.clientId, routineId: Number(path.split('/')[2]), body: b }); }",
            new[] { second, log });
        await page.ReloadAsync();

        await Expect(page.Locator("[data-sync-status]")).ToContainTextAsync("was not kept: This session's id was already used for a session of another routine.");
        Assert.Equal(0, await page.EvaluateAsync<int>("async () => (await StretchQueue.all()).length"));
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task The_manifest_names_the_app_and_its_icons_load()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var href = await page.Locator("link[rel=manifest]").GetAttributeAsync("href");

        var manifest = await page.EvaluateAsync<System.Text.Json.JsonElement>("async (href) => (await fetch(href)).json()", href);

        Assert.Equal("/routines", manifest.GetProperty("start_url").GetString());
        var icons = manifest.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable" && i.GetProperty("sizes").GetString() == "512x512");
        foreach (var icon in icons)
        {
            var size = int.Parse(icon.GetProperty("sizes").GetString()!.Split('x')[0], System.Globalization.CultureInfo.InvariantCulture);
            var loaded = await page.EvaluateAsync<int>(
                "src => new Promise((ok, fail) => { const i = new Image(); i.onload = () => ok(i.naturalWidth); i.onerror = fail; i.src = src; })",
                icon.GetProperty("src").GetString());
            Assert.Equal(size, loaded);
        }
    }

    /// <summary>A new routine of two stretches; returns its address (the page it lands on).</summary>
    private static async Task<string> CreateRoutineAsync(IPage page)
    {
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByLabel("Name of the new routine").FillAsync("Offline test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await page.GotoAsync("/routines/add/seated-cervical-rotation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("0");
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Waits for the service worker to take over, opens each page once, as a person would, and ends on the first.</summary>
    private static async Task VisitOnceAsync(IPage page, params string[] paths)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await page.WaitForFunctionAsync(
                "async path => { for (const name of await caches.keys()) { if (name.startsWith('pages-') && await (await caches.open(name)).match(path)) return true; } return false; }",
                path);
        }

        await page.GotoAsync(paths[0]);
    }

    private static Task<bool> KeptAsync(IPage page, string path) => page.EvaluateAsync<bool>(
        "async path => { for (const name of await caches.keys()) { if (await (await caches.open(name)).match(path)) return true; } return false; }", path);
}
