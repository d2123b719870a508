using System.Diagnostics;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// Two instances (two hosts in this process) on one content folder, one database and the shared Redis; instance
/// two does not watch the folder (<c>Content:Watch=false</c>, as on a share whose change notifications never arrive).
/// </summary>
public sealed class ContentBroadcastTests : IDisposable
{
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly LibraryFactory _one = new();
    private readonly LibraryFactory _two = new();

    public ContentBroadcastTests()
    {
        var redis = Environment.GetEnvironmentVariable("STRETCHLIBRARY_TEST_REDIS")
            ?? throw new InvalidOperationException("STRETCHLIBRARY_TEST_REDIS is not set: run these tests through tests/run, which starts Redis.");
        foreach (var instance in new[] { _one, _two })
        {
            instance.ContentRoot = _content.Root;
            instance.Settings["Redis:Configuration"] = redis;
        }

        _two.Settings["Content:Watch"] = "false";
        _two.Settings["ConnectionStrings:Default"] = _one.ConnectionString;
    }

    public void Dispose()
    {
        _two.Dispose();
        _one.Dispose();
        _content.Dispose();
    }

    [Fact]
    public async Task A_reload_on_one_instance_reaches_an_instance_that_does_not_watch_its_folder()
    {
        var one = _one.CreateClient();
        var two = _two.CreateClient();
        Assert.Contains("<h1>Chin tucks</h1>", await two.GetStringAsync("/stretches/chin-tucks"), StringComparison.Ordinal);
        Assert.Contains("<h1>Chin tucks</h1>", await one.GetStringAsync("/stretches/chin-tucks"), StringComparison.Ordinal);

        var file = Path.Join(_content.Root, "stretches", "neck", "chin-tucks.md");
        var text = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, text.Replace("title: Chin tucks\n", "title: Chin tucks, renamed\n", StringComparison.Ordinal));

        foreach (var client in new[] { one, two })
        {
            var watch = Stopwatch.StartNew();
            while (!(await client.GetStringAsync("/stretches/chin-tucks")).Contains("<h1>Chin tucks, renamed</h1>", StringComparison.Ordinal))
            {
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{(client == one ? "the watching" : "the non-watching")} instance still serves the old title after 30 s");
                await Task.Delay(50);
            }
        }
    }
}
