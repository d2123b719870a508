using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Security;

/// <summary>The Content-Security-Policy as Chromium enforces it: nothing the pages need is blocked.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class CspTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pages_load_their_script_and_styles_with_no_policy_violation()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // Every console error counts (a blocked script or style shows up as one), except the browser's own
            // request for a favicon the site does not have.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                problems.Add($"{page.Url}: {message.Text} ({message.Location})");
            }
        };

        foreach (var path in new[] { "/", "/stretches/chin-tucks", "/guides/safe-stretching", "/account/login" })
        {
            await page.GotoAsync(path);
            // The stylesheet applied (not blocked): the body has the site's background, not the browser's white.
            await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", "rgba(0, 0, 0, 0)");
        }

        await page.GotoAsync("/routines/add/chin-tucks");

        // site.js ran: it fills the hidden time-zone field from the browser.
        await Expect(page.Locator("input.js-tz")).Not.ToHaveValueAsync("");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
