using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Layout;

/// <summary>
/// Every page type at 320 CSS px (WCAG 1.4.10 reflow: nothing scrolls sideways except a data table inside its own
/// scroll box), and with no console error or failed request on the way (a missing /favicon.ico was one).
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ReflowAndConsoleTests(BrowserFixture browser)
{
    private static readonly string[] PublicPages =
    [
        "/", "/stretches", "/stretches?category=neck", "/stretches?q=stiff+neck", "/stretches?q=chin+zebra",
        "/stretches/thoracic-rotation-stretch", "/stretches/foam-roller-i-y-t", "/guides", "/guides/safe-stretching",
        "/guides/words-we-use", "/account/login", "/account/register", "/account/import", "/routines",
    ];

    [Fact]
    public async Task No_page_scrolls_sideways_at_320_px_or_logs_a_console_error()
    {
        // Arrange: a routine with a logged session, so the routine page has its history table.
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 640 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{page.Url}: {error}");
        page.RequestFailed += (_, request) => errors.Add($"{request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                errors.Add($"{response.Url}: {response.Status}");
            }
        };
        var routinePages = await BuildRoutineWithSessionAsync(page);

        // Act and assert, page by page.
        var wide = new List<string>();
        foreach (var path in PublicPages.Concat(routinePages))
        {
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1])
            {
                wide.Add($"{path}: {widths[0]}px in {widths[1]}px");
            }
        }

        Assert.Empty(wide);
        Assert.Empty(errors);
    }

    /// <summary>Adds two stretches to a new routine, logs a session, and returns the routine's own pages.</summary>
    private static async Task<string[]> BuildRoutineWithSessionAsync(IPage page)
    {
        foreach (var slug in new[] { "chin-tucks", "quadruped-rotation" })
        {
            await page.GotoAsync($"/stretches/{slug}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Add to routine" }).ClickAsync();
            if (slug == "chin-tucks")
            {
                await page.GetByLabel("A new routine").CheckAsync();
                await page.GetByLabel("Name of the new routine").FillAsync("A routine with a rather long name for a narrow phone");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
        }

        await page.GetByLabel("Note (optional)").FillAsync("Felt looser afterwards, especially on the left side of the neck.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator("table.history")).ToBeVisibleAsync();
        var routine = new Uri(page.Url).AbsolutePath;
        return [routine, $"{routine}/history", $"{routine}/sheet", $"{routine}/sheet?size=large&weeks=2", $"{routine}/play", $"{routine}/share", $"{routine}/reminder"];
    }
}
