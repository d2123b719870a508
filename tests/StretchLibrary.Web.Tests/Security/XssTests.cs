using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>Text users type, rendered everywhere it appears: always as text, never as markup.</summary>
public sealed class XssTests : IDisposable
{
    private const string ScriptName = "<script>alert(1)</script>";
    private const string AttributeName = "\" onmouseover=alert(1) x=\"";
    private const string LinkNote = "javascript:alert(1)";
    private const string ImageNote = "<img src=x onerror=alert(1)>";
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(ScriptName)]
    [InlineData(AttributeName)]
    [InlineData(LinkNote)]
    public async Task A_hostile_routine_name_and_notes_render_inert_on_every_page(string payload)
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        var created = await visitor.AddAsync("chin-tucks", newRoutine: payload);
        var id = visitor.RoutineId;
        var item = created.QuerySelector(".routine-item a.button")!.GetAttribute("href")!;
        await visitor.GetAsync(item);
        var afterItem = await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.Note", payload + " " + ImageNote));
        await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow), ("Input.Note", payload + " " + ImageNote));

        var pages = new Dictionary<string, IHtmlDocument>
        {
            ["flash after adding"] = created,
            ["flash after saving the item"] = afterItem,
            ["routine list"] = await visitor.GetAsync("/routines"),
            ["routine page"] = await visitor.GetAsync($"/routines/{id}"),
            ["item edit page"] = await visitor.GetAsync(item),
            ["done page"] = await visitor.GetAsync($"/routines/{id}/done"),
            ["history"] = await visitor.GetAsync($"/routines/{id}/history"),
            ["delete page"] = await visitor.GetAsync($"/routines/{id}/delete"),
            ["add page"] = await visitor.GetAsync("/routines/add/prone-w"),
        };

        foreach (var (name, page) in pages)
        {
            AssertInert(name, page);
            Assert.True(page.Body!.TextContent.Contains(payload, StringComparison.Ordinal) || page.QuerySelectorAll("input, textarea").Any(e => (e as IHtmlInputElement)?.Value == payload || (e as IHtmlTextAreaElement)?.Value.Contains(payload, StringComparison.Ordinal) == true), $"{name}: the text itself is not shown");
        }

        Assert.Contains(payload, created.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(payload, pages["routine page"].QuerySelector("h1")!.TextContent);
        Assert.Equal(payload, pages["routine page"].QuerySelector("input[name=Name]")!.GetAttribute("value"));
        Assert.Equal(payload, await _factory.WithDbAsync(db => db.Routines.Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task The_encoded_form_is_what_the_page_sends()
    {
        var client = _factory.CreateClient();
        var visitor = new RoutineClient(client);
        await visitor.AddAsync("chin-tucks", newRoutine: ScriptName);

        var html = await client.GetStringAsync($"/routines/{visitor.RoutineId}");

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptName, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stretches")]
    [InlineData("/stretches/thoracic-extension")]
    [InlineData("/guides/safe-stretching")]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/no-such-page")]
    public async Task Pages_use_no_inline_script_or_style(string path)
    {
        using var response = await _factory.CreateClient().GetAsync(path);

        AssertInert(path, await response.ReadDocumentAsync());
    }

    /// <summary>No inline or foreign script, no event-handler or style attribute, no script link.</summary>
    private static void AssertInert(string name, IHtmlDocument page)
    {
        // Only the site's own script files (fingerprinted by MapStaticAssets), nothing inline.
        Assert.All(page.QuerySelectorAll("script"), script => Assert.Matches(@"^/js/(site|dates|offline|offline-queue)(\.\w+)?\.js(\?.*)?$", script.GetAttribute("src") ?? $"inline script on {name}"));
        Assert.Empty(page.QuerySelectorAll("style"));
        foreach (var element in page.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            Assert.False(element.GetAttribute("href")?.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) == true, $"{name}: script link {element.OuterHtml}");
        }

        Assert.Empty(page.QuerySelectorAll("img[src=x]"));
    }
}
