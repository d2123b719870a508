using static Microsoft.Playwright.Assertions;

namespace StretchLibrary.BrowserTests.Security;

/// <summary>The API reference at /api: Scalar's bundle from this app, started without any inline script.</summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ApiReferenceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Api_reference_renders_the_document_with_no_policy_violation_or_outside_request()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"{message.Text} ({message.Location})");
            }
        };
        // The app's own origin, fixed before the first request (page.Url is still about:blank then; an
        // exception thrown in this handler would take the browser connection down with it).
        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(origin, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };

        await page.GotoAsync("/api");

        // The document was fetched and rendered: its title and an operation summary are on the page.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "StretchLibrary API" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("List stretches").First).ToBeVisibleAsync();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(outside.Count == 0, "Requests to other origins: " + string.Join("\n", outside));
    }
}
