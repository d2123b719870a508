using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class SharePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_Copy_button_puts_the_new_link_on_the_clipboard_and_a_QR_code_shows_it()
    {
        await using var context = await browser.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await MakeShareLinkAsync(page);
        var link = await page.GetByLabel("Link to the routine").InputValueAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();

        await Expect(page.Locator("[data-copy-status]")).ToHaveTextAsync("Link copied.");
        Assert.Equal(link, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code of the share link" })).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, Accessibility.AxeTests.Describe("share page with a new link", "light", axe.Violations));
    }

    [Fact]
    public async Task Without_javascript_the_link_is_in_a_field_to_select_and_the_QR_code_still_shows()
    {
        await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await MakeShareLinkAsync(page);

        await Expect(page.GetByLabel("Link to the routine")).ToHaveValueAsync(new Regex(@"^http://127\.0\.0\.1:\d+/s/[A-Za-z0-9_-]{22}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy link" })).ToBeHiddenAsync();
        await Expect(page.Locator(".share-qr svg")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Reopening_a_share_link_already_copied_offers_the_existing_copy_instead_of_a_new_one()
    {
        await using var owner = await browser.NewContextAsync();
        var link = await MakeShareLinkAsync(await owner.NewPageAsync());
        await using var visitor = await browser.NewContextAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy to my routines" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/routines/\d+$"));
        var copy = page.Url;

        await page.GotoAsync(link);

        await Expect(page.GetByText("You copied this routine before")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy to my routines" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Open my copy" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(copy);
        await page.GotoAsync("/routines");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Shared stretches" })).ToHaveCountAsync(1);
    }

    /// <summary>A routine with two stretches and a fresh share link; returns the link.</summary>
    private static async Task<string> MakeShareLinkAsync(IPage page)
    {
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByLabel("Name of the new routine").FillAsync("Shared stretches");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/share");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a share link" }).ClickAsync();
        return await page.GetByLabel("Link to the routine").InputValueAsync();
    }
}
