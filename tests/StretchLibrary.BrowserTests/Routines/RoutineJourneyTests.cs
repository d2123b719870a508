using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class RoutineJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_visitor_builds_a_routine_tracks_it_claims_the_account_and_finds_it_all_after_logging_back_in()
    {
        await using var context = await browser.NewContextAsync(new() { TimezoneId = "Europe/Berlin" });
        var page = await context.NewPageAsync();
        var email = $"visitor-{Guid.NewGuid():n}@example.com";

        // Three stretches into a new routine, no sign-up.
        await AddToRoutineAsync(page, "chin-tucks", newRoutine: "Desk reset");
        await AddToRoutineAsync(page, "thoracic-extension");
        await AddToRoutineAsync(page, "prone-w");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Desk reset");
        await Expect(page.Locator(".guest-banner")).ToBeVisibleAsync();

        // Reorder: Prone W up one place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Up: move Prone W up" }).ClickAsync();
        await ExpectOrderAsync(page, "Chin tucks", "Prone W", "Thoracic extension");

        // Override the hold of thoracic extension.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit: Thoracic extension" }).ClickAsync();
        await page.GetByLabel("Hold (seconds)").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator(".routine-item", new() { HasText = "Thoracic extension" }).Locator(".item-dosage"))
            .ToHaveTextAsync("Hold 8 s, 10 reps (your dosage)");

        // Done today (the form's default), then yesterday.
        var today = DateOnly.ParseExact((await page.GetByLabel("Date").GetAttributeAsync("max"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.GetByLabel("Date")).ToHaveValueAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await page.GetByLabel("Date").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await ExpectStatsAsync(page);

        // Claim the guest account, sign out, sign back in.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an email and password" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("stretch every single day");
        await page.GetByLabel("Password again").FillAsync("stretch every single day");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save my account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("stretch every single day");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator(".guest-banner")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Desk reset" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/routines");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Desk reset" })).ToHaveCountAsync(0);

        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("stretch every single day");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Desk reset" }).ClickAsync();

        await ExpectOrderAsync(page, "Chin tucks", "Prone W", "Thoracic extension");
        await Expect(page.Locator(".routine-item", new() { HasText = "Thoracic extension" }).Locator(".item-dosage"))
            .ToHaveTextAsync("Hold 8 s, 10 reps (your dosage)");
        await ExpectStatsAsync(page);
    }

    private static async Task AddToRoutineAsync(IPage page, string slug, string? newRoutine = null)
    {
        await page.GotoAsync($"/stretches/{slug}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine" }).ClickAsync();
        if (newRoutine is not null)
        {
            await page.GetByLabel("A new routine").CheckAsync();
            await page.GetByLabel("Name of the new routine").FillAsync(newRoutine);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/routines/\d+"));
    }

    private static async Task ExpectOrderAsync(IPage page, params string[] titles) =>
        await Expect(page.Locator(".routine-item .item-title")).ToHaveTextAsync(titles);

    private static async Task ExpectStatsAsync(IPage page)
    {
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-stat=streak]")).ToHaveTextAsync("2 days");
    }
}
