using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Pages;

public sealed class BrokenContentTests : IDisposable
{
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly LibraryFactory _factory;

    public BrokenContentTests()
    {
        _content.Write("stretches/back/broken-yaml.md", "---\ntitle: Broken\ncategory: [back\n---\nBody\n");
        _content.Write("stretches/neck/bad-dosage.md", TempContent.Stretch("Bad dosage", "neck").Replace("reps: 10", "reps: 0", StringComparison.Ordinal));
        _content.WriteBytes("guides/latin1.md", [.. "---\ntitle: Caf"u8, 0xE9, .. "\nsummary: x\n---\nbody\n"u8]);
        _factory = new LibraryFactory { ContentRoot = _content.Root };
    }

    public void Dispose()
    {
        _factory.Dispose();
        _content.Dispose();
    }

    [Fact]
    public async Task Broken_files_are_reported_and_the_good_articles_still_served()
    {
        var client = _factory.CreateClient();

        var problems = _factory.Services.GetRequiredService<ContentStore>().Current.Problems;
        Assert.Equal(["bad-dosage.md", "broken-yaml.md", "latin1.md"], problems.Select(p => Path.GetFileName(p.Path)).Order());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stretches/chin-tucks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guides/safe-stretching")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stretches/broken-yaml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stretches/bad-dosage")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/guides/latin1")).StatusCode);
        Assert.Equal("11 stretches", (await client.GetDocumentAsync("/stretches")).QuerySelector(".result-count")!.TextContent);
    }

    [Fact]
    public async Task A_file_added_while_serving_appears_without_a_restart()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/stretches/brand-new")).StatusCode);

        _content.Write("stretches/back/brand-new.md", TempContent.Stretch("Brand new"));

        // File watching is asynchronous; poll for up to 10 s rather than sleeping a fixed time.
        var status = HttpStatusCode.NotFound;
        for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            status = (await client.GetAsync("/stretches/brand-new")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }
}
