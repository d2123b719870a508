using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Security;

/// <summary>
/// Nothing a page loads or sends goes to another origin: the main pages and the API reference, whose Scalar
/// features that call out (Ask AI, MCP, the API client button, developer tools, fonts from a CDN) are turned off.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class OwnOriginTests(BrowserFixture browser)
{
    [Fact]
    public async Task Main_pages_and_the_api_reference_request_only_their_own_origin_and_offer_no_ask_ai()
    {
        await using var context = await browser.NewContextAsync();
        // The app's own origin, fixed before the first request; the handler must not throw (it would take the
        // browser connection down with it).
        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        var requests = new List<string>();
        var outside = new List<string>();
        // Every request of every page in this context, those the page's script starts and those CSP blocks included.
        context.Request += (_, request) =>
        {
            lock (requests)
            {
                requests.Add(request.Url);
                if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)
                    && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
                {
                    outside.Add(request.Url);
                }
            }
        };
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", "/stretches/chin-tucks", "/stretches?q=neck", "/account/login" })
        {
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        }

        await page.GotoAsync("/api");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "StretchLibrary API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("List stretches").First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await Expect(page.GetByText("Ask AI")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Ask AI|Agent|MCP|Open API Client", RegexOptions.IgnoreCase) })).ToHaveCountAsync(0);
        lock (requests)
        {
            Assert.Contains(requests, url => url.StartsWith(origin + "openapi/v1.json", StringComparison.Ordinal));
            Assert.True(outside.Count == 0, "Requests to other origins: " + string.Join("\n", outside));
        }
    }
}
