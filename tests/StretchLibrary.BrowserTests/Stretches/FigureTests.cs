using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Stretches;

[Collection(BrowserCollectionDefinition.Name)]
public sealed class FigureTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_stretch_page_shows_at_least_two_figures_with_accessible_names()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stretches");
        var slugs = (await page.Locator(".card-title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();
        Assert.Equal(11, slugs.Count);

        foreach (var href in slugs)
        {
            await page.GotoAsync(href);
            var figures = page.Locator(".figure-strip").GetByRole(AriaRole.Img);
            Assert.True(await figures.CountAsync() >= 2, $"{href} shows fewer than two figures");
            foreach (var figure in await figures.AllAsync())
            {
                var name = await figure.GetAttributeAsync("aria-label");
                Assert.False(string.IsNullOrWhiteSpace(name), $"a figure on {href} has no accessible name");
                await Expect(figure).ToBeVisibleAsync();
                Assert.True((await figure.BoundingBoxAsync())!.Height > 40, $"a figure on {href} is drawn too small to see");
            }
        }
    }

    [Fact]
    public async Task Every_card_in_the_list_has_a_figure()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/stretches");

        var cards = await page.Locator("article.card").AllAsync();
        Assert.Equal(11, cards.Count);
        foreach (var card in cards)
        {
            await Expect(card.Locator("svg.figure[role=img]")).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task Each_frame_is_served_as_a_cacheable_svg_file()
    {
        await using var context = await browser.NewContextAsync();

        var response = await context.APIRequest.GetAsync("/figures/chin-tucks/tucked.svg");
        var missing = await context.APIRequest.GetAsync("/figures/chin-tucks/nope.svg");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/svg+xml", response.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("max-age", response.Headers["cache-control"], StringComparison.Ordinal);
        Assert.StartsWith("<svg", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(404, missing.Status);
    }
}
