using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Accessibility;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class AxeTests(BrowserFixture browser)
{
    public static TheoryData<string, string> PagesInBothColorSchemes()
    {
        string[] paths = ["/", "/stretches", "/stretches?q=zzzz", "/stretches?q=headache", "/stretches?q=desk", "/stretches/thoracic-extension", "/stretches/thoracic-rotation-stretch", "/guides/safe-stretching", "/stretches/nope"];
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
        {
            data.Add(path, "light");
            data.Add(path, "dark");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesInBothColorSchemes))]
    public async Task Page_has_no_axe_violations(string path, string scheme)
    {
        // Arrange
        var dark = scheme == "dark";
        await using var context = await browser.NewContextAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Scan a rendered page in the scheme asked for, not an empty one or one whose stylesheet did not load.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", dark ? "rgb(17, 21, 23)" : "rgb(251, 250, 247)");

        // Act
        var result = await page.RunAxe();

        // Assert
        Assert.True(result.Violations.Length == 0, Describe(path, scheme, result.Violations));
    }

    /// <summary>What axe found wrong at one node, e.g. "Element has insufficient color contrast of 3.1".</summary>
    private static string Checks(AxeResultNode node) =>
        string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(check => check.Message).Distinct());

    internal static string Describe(string path, string scheme, AxeResultItem[] violations) =>
        $"{violations.Length} axe violation(s) on {path} ({scheme}):" + string.Concat(violations.Select(v =>
            $"\n- {v.Id} ({v.Impact}): {v.Help}" + string.Concat(v.Nodes.Select(n => $"\n    {n.Target}: {Checks(n)}"))));
}
