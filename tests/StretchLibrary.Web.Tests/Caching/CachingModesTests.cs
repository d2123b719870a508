using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// The modes <c>bench/caching</c> compares (<c>Caching:AnonymousPages</c>, <c>Caching:UserPages</c>): each
/// non-default one caches what it says and nothing else.
/// </summary>
public sealed class CachingModesTests : IDisposable
{
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly LibraryFactory _factory;

    public CachingModesTests() => _factory = new LibraryFactory { ContentRoot = _content.Root };

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
    }

    private PageCache PageCache => _factory.Services.GetRequiredService<PageCache>();

    [Theory]
    [InlineData("/")]
    [InlineData("/stretches/chin-tucks")]
    [InlineData("/stretches?category=neck")]
    public async Task Output_cache_mode_serves_an_anonymous_library_page_from_the_output_cache(string url)
    {
        _factory.Settings["Caching:AnonymousPages"] = "OutputCache";
        var client = _factory.CreateClient();

        using var first = await client.GetAsync(url);
        using var second = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second response should come from the output cache");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(0, PageCache.Stores);
    }

    [Fact]
    public async Task Output_cache_mode_keeps_one_copy_per_query()
    {
        _factory.Settings["Caching:AnonymousPages"] = "OutputCache";
        var client = _factory.CreateClient();
        await client.GetAsync("/stretches?category=neck");

        using var other = await client.GetAsync("/stretches?category=upper-back");

        Assert.False(other.Headers.Contains("Age"));
    }

    [Fact]
    public async Task Output_cache_mode_evicts_cached_pages_when_the_content_reloads()
    {
        _factory.Settings["Caching:AnonymousPages"] = "OutputCache";
        var client = _factory.CreateClient();
        await client.GetAsync("/stretches");
        using (var cached = await client.GetAsync("/stretches"))
        {
            Assert.True(cached.Headers.Contains("Age"));
        }

        _content.Write("stretches/back/brand-new.md", TempContent.Stretch("Brand new"));
        _factory.Services.GetRequiredService<ContentStore>().Reload();
        using var response = await client.GetAsync("/stretches");
        var document = await response.ReadDocumentAsync();

        Assert.False(response.Headers.Contains("Age"));
        Assert.Equal("12 stretches", document.QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task Output_cache_mode_never_serves_a_cached_anonymous_page_to_a_signed_in_visitor_nor_keeps_theirs()
    {
        _factory.Settings["Caching:AnonymousPages"] = "OutputCache";
        var anonymous = _factory.CreateClient();
        await anonymous.GetAsync("/stretches/chin-tucks");
        using (var cached = await anonymous.GetAsync("/stretches/chin-tucks"))
        {
            Assert.True(cached.Headers.Contains("Age"));
        }

        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");
        using var signedIn = await visitor.Http.GetAsync("/stretches/chin-tucks");
        await visitor.Http.GetAsync("/stretches/chin-tucks");
        using var anonymousAgain = await _factory.CreateClient().GetAsync("/stretches/chin-tucks");

        Assert.False(signedIn.Headers.Contains("Age"));
        Assert.Contains("You’ve done this 0 times.", await signedIn.Content.ReadAsStringAsync());
        Assert.DoesNotContain("You’ve done this", await anonymousAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Output_cache_mode_leaves_a_signed_in_users_routine_page_to_the_page_cache()
    {
        _factory.Settings["Caching:AnonymousPages"] = "OutputCache";
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");
        var url = $"/routines/{visitor.RoutineId}";
        await visitor.Http.GetAsync(url);

        using var second = await visitor.Http.GetAsync(url);

        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal(1, PageCache.Hits);
    }

    [Fact]
    public async Task With_anonymous_caching_off_library_pages_are_rendered_every_time()
    {
        _factory.Settings["Caching:AnonymousPages"] = "None";
        var client = _factory.CreateClient();
        await client.GetAsync("/");

        using var second = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(second.Headers.Contains("Age"));
        Assert.Equal(0, PageCache.Stores);
        Assert.Equal(0, PageCache.Hits);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sheet")]
    public async Task With_user_pages_off_a_routine_page_is_never_answered_from_the_cache(string page)
    {
        _factory.Settings["Caching:UserPages"] = "false";
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        var url = $"/routines/{visitor.RoutineId}{page}";
        await visitor.Http.GetAsync(url);

        using var second = await visitor.Http.GetAsync(url);
        using var third = await visitor.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.False(second.Headers.Contains("Age"));
        Assert.False(third.Headers.Contains("Age"));
        Assert.Equal(0, PageCache.Hits);
        Assert.Contains("Desk", await third.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_user_pages_off_anonymous_library_pages_are_still_cached()
    {
        _factory.Settings["Caching:UserPages"] = "false";
        var client = _factory.CreateClient();
        await client.GetAsync("/");

        using var second = await client.GetAsync("/");

        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal(1, PageCache.Hits);
    }

    [Theory]
    [InlineData("Caching:AnonymousPages", "Varnish", "Unknown Caching:AnonymousPages 'Varnish'")]
    [InlineData("Caching:UserPages", "sometimes", "Caching:UserPages must be true or false")]
    public void An_unreadable_caching_setting_is_named_in_one_line(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var (options, problem) = CachingOptions.From(configuration);

        Assert.StartsWith(expected, problem);
        Assert.Equal(AnonymousPageCaching.PageCache, options.AnonymousPages);
    }
}
