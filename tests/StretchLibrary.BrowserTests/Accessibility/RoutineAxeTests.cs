using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Accessibility;

/// <summary>The pages a person sees once they have a routine with some history, scanned in both color schemes.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class RoutineAxeTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Routine_and_account_pages_have_no_axe_violations(string scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByLabel("Name of the new routine").FillAsync("Evening");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await page.GetByLabel("Pain before (0-10, optional)").FillAsync("6");
        await page.GetByLabel("Pain after (0-10, optional)").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator("figure.pain-trend")).ToBeVisibleAsync();
        var routine = new Uri(page.Url).AbsolutePath;
        var item = await page.GetByRole(AriaRole.Link, new() { Name = "Edit: Chin tucks" }).GetAttributeAsync("href");
        await page.GotoAsync($"{routine}/share");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a share link" }).ClickAsync();
        var shared = new Uri(await page.GetByLabel("Link to the routine").InputValueAsync()).AbsolutePath;
        await page.GotoAsync($"{routine}/reminder");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe in your calendar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your subscription link" })).ToBeVisibleAsync();
        var subscribed = await page.RunAxe();
        Assert.True(subscribed.Violations.Length == 0, AxeTests.Describe($"{routine}/calendar (new link)", scheme, subscribed.Violations));
        string[] paths =
        [
            "/routines", routine, $"{routine}/play", $"{routine}/play?step=2", $"{routine}/done", $"{routine}/history", $"{routine}/delete", item!, $"{routine}/sheet",
            $"{routine}/sheet?size=large&weeks=2", $"{routine}/share", shared, $"{shared}/sheet", "/routines/add/prone-w",
            $"{routine}/reminder", $"{routine}/calendar", "/account", "/account/import", "/account/register", "/account/login", "/stretches/chin-tucks",
            "/", "/stretches", "/stretches?category=neck",
            "/account/forgot-password", "/account/forgot-password?sent=true", "/account/reset-password", "/account/confirm-email", "/account/register?sent=true",
        ];

        var problems = new List<string>();
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            var result = await page.RunAxe();
            if (result.Violations.Length > 0)
            {
                problems.Add(AxeTests.Describe(path, scheme, result.Violations));
            }
        }

        // The same routine's address on another device, signed out (a sheet's QR code scanned with a phone).
        await using var phoneContext = await browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync(routine);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Open a saved routine" })).ToBeVisibleAsync();
        var signedOut = await phone.RunAxe();
        if (signedOut.Violations.Length > 0)
        {
            problems.Add(AxeTests.Describe($"{routine} (signed out)", scheme, signedOut.Violations));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
