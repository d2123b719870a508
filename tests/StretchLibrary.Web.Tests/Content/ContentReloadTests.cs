using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public sealed class ContentReloadTests : IDisposable
{
    private const int Added = 5;
    private readonly TempContent _content = new TempContent().WithShippedContent();
    private readonly TempContent _staging = new();

    public void Dispose()
    {
        _content.Dispose();
        _staging.Dispose();
    }

    [Fact]
    public async Task Readers_hammering_the_store_while_files_change_see_only_whole_libraries()
    {
        // A deploy's moves must fall inside one quiet period; on a shared two-core machine with readers spinning,
        // two moves can be further apart than the 300 ms default, so this store waits a full second.
        using var store = new ContentStore(_content.Root, NullLogger<ContentStore>.Instance, TimeSpan.FromSeconds(1));
        var before = store.Current.Stretches.Count;
        var seen = new ConcurrentDictionary<int, int>();
        using var stop = new CancellationTokenSource();
        var reads = 0L;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = store.Current;
                // One snapshot is self-consistent: every stretch in its list is found by slug in the same snapshot.
                var consistent = snapshot.Stretches.All(s => ReferenceEquals(snapshot.FindStretch(s.Slug), s));
                seen.AddOrUpdate(consistent ? snapshot.Stretches.Count : -1, 1, (_, n) => n + 1);
                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        for (var round = 0; round < 3; round++)
        {
            // As a deploy would: new files written elsewhere, then moved in; later removed together.
            var moved = Enumerable.Range(0, Added).Select(i => _staging.Write($"extra-{round}-{i}.md", TempContent.Stretch($"Extra {round} {i}"))).ToList();
            foreach (var (file, i) in moved.Select((f, i) => (f, i)))
            {
                File.Move(file, Path.Join(_content.Root, "stretches", "back", $"extra-{round}-{i}.md"));
            }

            await WaitUntilAsync(() => store.Current.Stretches.Count == before + Added);
            foreach (var file in Directory.EnumerateFiles(Path.Join(_content.Root, "stretches", "back"), $"extra-{round}-*.md"))
            {
                File.Delete(file);
            }

            await WaitUntilAsync(() => store.Current.Stretches.Count == before);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(Interlocked.Read(ref reads) > 1000, $"only {reads} reads");
        Assert.Equal([before, before + Added], seen.Keys.Order());
    }

    [Fact]
    public void Reload_if_changed_loads_only_when_a_file_was_added_rewritten_or_removed()
    {
        using var store = new ContentStore(_content.Root, NullLogger<ContentStore>.Instance, watch: false);
        var before = store.Current;

        Assert.False(store.ReloadIfChanged());
        Assert.Same(before, store.Current);

        var added = _content.Write("stretches/back/extra.md", TempContent.Stretch("Extra"));
        Assert.True(store.ReloadIfChanged());
        Assert.Equal(before.Stretches.Count + 1, store.Current.Stretches.Count);
        Assert.False(store.ReloadIfChanged());

        File.WriteAllText(added, TempContent.Stretch("Extra, renamed"));
        Assert.True(store.ReloadIfChanged());
        Assert.Contains(store.Current.Stretches, s => s.Title == "Extra, renamed");

        File.Delete(added);
        Assert.True(store.ReloadIfChanged());
        Assert.Equal(before.Stretches.Count, store.Current.Stretches.Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 15_000, "the store did not reload within 15 s");
            await Task.Delay(50);
        }
    }
}
