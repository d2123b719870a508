using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.BrowserTests.Accessibility;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Clinic;

/// <summary>A patient joining a clinician's program on a phone, its pages, and its player doing only the prescribed side.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class PatientProgramTests(BrowserFixture browser)
{
    private static readonly BrowserNewContextOptions Phone = new() { ViewportSize = new() { Width = 320, Height = 640 }, IsMobile = true, HasTouch = true };

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task The_join_pages_and_the_followed_routine_page_have_no_axe_violations_and_no_sideways_scroll_at_320_px(string scheme)
    {
        var invitation = await InviteAsync(new RoutineItem { StretchSlug = "chin-tucks" }, new RoutineItem { StretchSlug = "seated-trunk-rotation", Side = ItemSides.Right });
        await using var context = await browser.NewContextAsync(new(Phone) { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();
        var problems = new List<string>();

        await CheckAsync(page, "/join", problems, scheme);
        await page.GetByLabel("Invitation code").FillAsync("ZZZZ-ZZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This invitation cannot be opened" })).ToBeVisibleAsync();
        await CheckAsync(page, null, problems, scheme);
        await page.GotoAsync("/join");
        await page.GetByLabel("Invitation code").FillAsync(invitation.DisplayCode.ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the program" }).ClickAsync();
        await Expect(page.GetByText("From Dr Ana Lima, PT, Riverside Physio")).ToBeVisibleAsync();
        await CheckAsync(page, null, problems, scheme);
        await CheckAsync(page, $"/join/{invitation.Token}", problems, scheme);
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "The days you do it" })).ToBeCheckedAsync();
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Your notes" })).Not.ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the program" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
        await Expect(page.Locator(".program-from")).ToHaveTextAsync("From Dr Ana Lima, PT, Riverside Physio");
        await CheckAsync(page, null, problems, scheme);
        await page.Locator("details.leave-program summary").ClickAsync();
        await page.Locator("details.program-consent summary").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, leave the program" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop sharing anything" })).ToBeVisibleAsync();
        await CheckAsync(page, null, problems, scheme);
        await CheckAsync(page, "/account/access-log", problems, scheme);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_player_does_a_right_side_only_item_on_the_right_side_only()
    {
        var invitation = await InviteAsync(new RoutineItem { StretchSlug = "seated-trunk-rotation", Reps = 2, Sets = 2, Side = ItemSides.Right });
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/join/{invitation.Token}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the program" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start guided session" }).ClickAsync();
        await Expect(page.Locator("[data-session-player]")).ToBeVisibleAsync();
        await page.EvaluateAsync("""
            () => {
              window.phases = [];
              const player = document.querySelector("[data-session-player]");
              player.addEventListener("session:phase", (e) =>
                window.phases.push(e.detail.phase + "|" + (e.detail.side ?? "") + "|" + (e.detail.phase === "done" ? "" : player.querySelector("[data-cue]").textContent)));
            }
            """);

        await page.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Session complete" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var phases = await page.EvaluateAsync<string[]>("() => window.phases");

        Assert.Equal("ready|right|Get ready: right side first", phases[0]);
        Assert.Contains(phases, p => p.StartsWith("rest|right|Relax before set 2 of 2", StringComparison.Ordinal));
        Assert.DoesNotContain(phases, p => p.Contains("left", StringComparison.OrdinalIgnoreCase) || p.StartsWith("switch|", StringComparison.Ordinal));
        Assert.All(phases.SkipLast(1), p => Assert.Contains("|right|", p, StringComparison.Ordinal));
    }

    /// <summary>Axe and the 320 px reflow check on the page as it is (after going to <paramref name="path"/> when given).</summary>
    private static async Task CheckAsync(IPage page, string? path, List<string> problems, string scheme = "light")
    {
        if (path is not null)
        {
            await page.GotoAsync(path);
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var where = new Uri(page.Url).PathAndQuery;
        var result = await page.RunAxe();
        if (result.Violations.Length > 0)
        {
            problems.Add(AxeTests.Describe(where, scheme, result.Violations));
        }

        if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        {
            problems.Add($"{where}: scrolls sideways at 320 px");
        }
    }

    /// <summary>A clinician with a profile, a program of <paramref name="items"/> and an open invitation to it.</summary>
    private async Task<InvitationSecret> InviteAsync(params RoutineItem[] items)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        var email = $"clinician-{Guid.NewGuid():n}@example.com";
        var clinician = new AppUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now, LastSeenAt = now };
        Assert.True((await users.CreateAsync(clinician)).Succeeded);
        db.ClinicianProfiles.Add(new ClinicianProfile { UserId = clinician.Id, DisplayName = "Dr Ana Lima, PT", ClinicName = "Riverside Physio", CreatedAt = now });
        var program = Routine.New(clinician.Id, "Back program", 4, now, items);
        program.IsProgram = true;
        program.Notes = "Slow and steady.";
        db.Routines.Add(program);
        await db.SaveChangesAsync();
        return await scope.ServiceProvider.GetRequiredService<Programs>().InviteAsync(program, "M. Patel", 14, null, CancellationToken.None);
    }
}
