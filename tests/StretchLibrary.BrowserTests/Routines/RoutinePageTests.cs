using Deque.AxeCore.Playwright;
using StretchLibrary.BrowserTests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Routines;

/// <summary>The routine page on a phone: recent sessions, the heat map, and the menu a guest sees.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class RoutinePageTests(BrowserFixture browser)
{
    private const string Note = "Left side stiffer than yesterday after the long drive, eased off by the last set";

    [Theory]
    [InlineData(390)]
    [InlineData(320)]
    public async Task On_a_phone_recent_sessions_name_their_stretches_and_show_the_whole_note(int width)
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        var routine = await CreateRoutineAsync(page);
        await page.GetByLabel("Note (optional)").FillAsync(Note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();

        var row = page.Locator("table.history tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td[data-label=Stretches]")).ToHaveTextAsync("Chin tucks, Seated cervical rotation");
        var note = row.Locator("td[data-label=Note]");
        await note.ScrollIntoViewIfNeededAsync();
        await Expect(note).ToHaveTextAsync(Note);
        var box = (await note.BoundingBoxAsync())!;
        // Whole and in lines a person can read, not squeezed into the fifth of five columns.
        Assert.True(box.X >= 0 && box.X + box.Width <= width, $"The note spans x {box.X} to {box.X + box.Width} in a {width}px viewport.");
        Assert.True(box.Width >= width / 2.0, $"The note is {box.Width}px wide in a {width}px viewport.");
        await AssertNoSidewaysScrollAsync(page, routine);
        await page.GotoAsync($"{routine}/history");
        await Expect(page.Locator("table.history td[data-label=Stretches]")).ToHaveTextAsync("Chin tucks, Seated cervical rotation");
        await AssertNoSidewaysScrollAsync(page, $"{routine}/history");
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, AxeTests.Describe($"{routine}/history", "light", axe.Violations));
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task A_day_with_one_session_stands_out_from_an_empty_day_in_the_heat_map(string scheme)
    {
        await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();
        await CreateRoutineAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Expect(page.Locator(".heatmap rect.level-1")).ToHaveCountAsync(1);

        var contrast = await page.EvaluateAsync<double>("""
            () => {
              const luminance = (rect) => {
                const [r, g, b] = getComputedStyle(rect).fill.match(/\d+/g).map(Number).map((c) => {
                  const s = c / 255;
                  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
              };
              const [one, none] = [".heatmap rect.level-1", ".heatmap rect.level-0"].map((s) => luminance(document.querySelector(s)));
              return (Math.max(one, none) + 0.05) / (Math.min(one, none) + 0.05);
            }
            """);

        // WCAG 1.4.11: parts of a graphic needed to understand it, at least 3:1 against what is next to them.
        Assert.True(contrast >= 3, $"A one-session day is {contrast:0.00}:1 against an empty day ({scheme}).");
    }

    [Fact]
    public async Task An_item_moves_to_any_place_by_keyboard_on_a_small_phone()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 320, Height = 568 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        var routine = await CreateRoutineAsync(page);
        await page.GotoAsync("/routines/add/neck-flexion-extension");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        var titles = page.Locator(".routine-item .item-title");
        await Expect(titles).ToHaveTextAsync(["Chin tucks", "Seated cervical rotation", "Neck flexion and extension"]);

        var place = page.GetByRole(AriaRole.Combobox, new() { Name = "Place of Neck flexion and extension in the list" });
        await place.FocusAsync();
        await place.SelectOptionAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(titles).ToHaveTextAsync(["Neck flexion and extension", "Chin tucks", "Seated cervical rotation"]);
        await AssertNoSidewaysScrollAsync(page, routine);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, AxeTests.Describe(routine, "light", axe.Violations));
    }

    [Fact]
    public async Task A_guest_sees_one_account_link_and_the_menu_fits_one_line_on_a_phone()
    {
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await CreateRoutineAsync(page);
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Account" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        var tops = await menu.Locator("li").EvaluateAllAsync<double[]>("items => items.map((li) => Math.round(li.getBoundingClientRect().top))");
        Assert.Single(tops.Distinct());

        // Signing in to another account is one step further, on the account page.
        await menu.GetByRole(AriaRole.Link, new() { Name = "Account" }).ClickAsync();
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    /// <summary>A new guest routine of two stretches; returns its address (the page it lands on).</summary>
    private static async Task<string> CreateRoutineAsync(IPage page)
    {
        await page.GotoAsync("/routines/add/chin-tucks");
        await page.GetByLabel("Name of the new routine").FillAsync("Phone check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await page.GotoAsync("/routines/add/seated-cervical-rotation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to routine" }).ClickAsync();
        await Expect(page.Locator("[data-stat=total]")).ToHaveTextAsync("0");
        return new Uri(page.Url).AbsolutePath;
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page, string path)
    {
        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]}px wide in a {widths[1]}px viewport.");
    }
}
