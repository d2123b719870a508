using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages;

public sealed class LibraryCacheTests : IDisposable
{
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly LibraryFactory _factory;

    public LibraryCacheTests() => _factory = new LibraryFactory { ContentRoot = _content.Root };

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stretches")]
    [InlineData("/stretches?category=neck")]
    [InlineData("/stretches/chin-tucks")]
    [InlineData("/guides/safe-stretching")]
    public async Task Anonymous_library_pages_set_no_cookie_and_are_served_from_the_cache(string url)
    {
        var client = _factory.CreateClient();

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
    }

    [Fact]
    public async Task Signed_in_pages_are_never_served_from_the_cache()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");
        await _factory.CreateClient().GetAsync("/stretches/chin-tucks");

        using var response = await visitor.Http.GetAsync("/stretches/chin-tucks");

        Assert.False(response.Headers.Contains("Age"));
        Assert.Contains("You’ve done this 0 times.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_content_reload_replaces_cached_pages()
    {
        var client = _factory.CreateClient();
        await client.GetAsync("/stretches");
        await client.GetAsync("/stretches");

        _content.Write("stretches/back/brand-new.md", TempContent.Stretch("Brand new"));
        _factory.Services.GetRequiredService<ContentStore>().Reload();
        var document = await client.GetDocumentAsync("/stretches");

        Assert.Equal("12 stretches", document.QuerySelector(".result-count")!.TextContent);
    }
}
