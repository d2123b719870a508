using System.Text;
using Microsoft.Extensions.Logging;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

/// <summary>
/// The figure cache kept between runs. A new <see cref="FigureCache"/> on the same folder stands for a new process:
/// it has read and drawn nothing yet, so what it counts is what a restart would do.
/// </summary>
public sealed class FigureCacheTests : IDisposable
{
    private readonly TempContent _content = new();
    private readonly string _folder = Path.Join(Path.GetTempPath(), "stretchlibrary-tests", "figures-" + Guid.NewGuid().ToString("n"));

    public FigureCacheTests()
    {
        _content.Write("stretches/back/first.md", TempContent.Stretch("First stretch", frontMatter: Illustration(10)));
        _content.Write("stretches/neck/second.md", TempContent.Stretch("Second stretch", "neck", Illustration(30)));
    }

    public void Dispose()
    {
        _content.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string Illustration(int neckFlex, string view = "side") => $"""
        illustration:
          view: {view}
          props: [chair]
          frames:
            - name: start
              base: seated
              alt: Sitting tall.
            - name: end
              base: seated
              pose: {"{"} neck.flex: {neckFlex} {"}"}
              alt: Head bent.
        """;

    private string[] Files() => Directory.Exists(_folder) ? Directory.GetFiles(_folder) : [];

    [Fact]
    public void A_second_start_reads_every_figure_from_the_cache_and_draws_none()
    {
        var first = new FigureCache(_folder);
        var drawn = ContentLoader.Load(_content.Root, first);

        var second = new FigureCache(_folder);
        var read = ContentLoader.Load(_content.Root, second);

        Assert.Equal((2, 0), (first.Drawn, first.Read));
        Assert.Equal((0, 2), (second.Drawn, second.Read));
        Assert.Empty(read.Problems);
        Assert.Equal(
            drawn.Stretches.Select(s => (s.Slug, s.Illustration!.Frames, s.Illustration.Motion.ToArray())),
            read.Stretches.Select(s => (s.Slug, s.Illustration!.Frames, s.Illustration.Motion.ToArray())),
            new DrawingComparer());
    }

    [Fact]
    public void The_store_logs_how_many_figures_it_read_and_drew()
    {
        var log = new ListLogger();
        using (new ContentStore(_content.Root, log, watch: false, figures: new FigureCache(_folder)))
        {
        }

        using (new ContentStore(_content.Root, log, watch: false, figures: new FigureCache(_folder)))
        {
        }

        Assert.Equal(
            [$"Figures: 0 read from the figure cache, 2 drawn and kept in {_folder}", $"Figures: 2 read from the figure cache, 0 drawn and kept in {_folder}"],
            log.Messages.Where(m => m.StartsWith("Figures:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_app_keeps_its_figures_in_the_configured_folder()
    {
        var log = new LogCapture();
        using var factory = new LibraryFactory { ContentRoot = _content.Root, Log = log };
        factory.Settings["Content:FigureCachePath"] = _folder;

        var svg = await factory.CreateClient().GetStringAsync("/figures/second/end.svg");

        Assert.Contains($"Figures: 0 read from the figure cache, 2 drawn and kept in {_folder}", log.Text, StringComparison.Ordinal);
        Assert.Equal(2, Files().Length);
        var second = ContentLoader.Load(_content.Root, new FigureCache(_folder));
        Assert.Equal(second.FindStretch("second")!.Illustration!.Find("end")!.Svg, svg);
    }

    public static TheoryData<string> Damage => ["half the file", "garbage", "empty", "another key", "no drawings"];

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_cache_file_is_ignored_and_drawn_again(string damage)
    {
        ContentLoader.Load(_content.Root, new FigureCache(_folder));
        var file = Assert.Single(Files(), f => File.ReadAllText(f).Contains("neck.flex\\u0022:30", StringComparison.Ordinal) || File.ReadAllText(f).Contains("\"neck.flex\":30", StringComparison.Ordinal));
        var good = File.ReadAllBytes(file);
        File.WriteAllBytes(file, damage switch
        {
            "half the file" => good[..(good.Length / 2)],
            "garbage" => [0xff, 0xfe, 0x00, 0x7b, 0x22],
            "empty" => [],
            "another key" => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good).Replace("neck.flex", "neck.flox", StringComparison.Ordinal)),
            _ => Encoding.UTF8.GetBytes("{\"Key\":null,\"Frames\":null,\"Motion\":null}"),
        });

        var afterDamage = new FigureCache(_folder);
        var snapshot = ContentLoader.Load(_content.Root, afterDamage);
        var afterRepair = new FigureCache(_folder);
        ContentLoader.Load(_content.Root, afterRepair);

        Assert.Equal((1, 1), (afterDamage.Drawn, afterDamage.Read));
        Assert.Empty(snapshot.Problems);
        Assert.Equal(2, snapshot.Stretches.Count(s => s.Illustration is { Frames.Count: 2 }));
        Assert.Equal(good, File.ReadAllBytes(file));
        Assert.Equal((0, 2), (afterRepair.Drawn, afterRepair.Read));
    }

    [Fact]
    public void Changed_content_is_drawn_anew_and_the_rest_read()
    {
        var before = ContentLoader.Load(_content.Root, new FigureCache(_folder));
        _content.Write("stretches/neck/second.md", TempContent.Stretch("Second stretch", "neck", Illustration(45)));

        var cache = new FigureCache(_folder);
        var after = ContentLoader.Load(_content.Root, cache);

        Assert.Equal((1, 1), (cache.Drawn, cache.Read));
        Assert.NotEqual(before.FindStretch("second")!.Illustration!.Frames[1].Svg, after.FindStretch("second")!.Illustration!.Frames[1].Svg);
        Assert.Equal(before.FindStretch("first")!.Illustration!.Frames[1].Svg, after.FindStretch("first")!.Illustration!.Frames[1].Svg);
    }

    [Fact]
    public void Another_renderer_version_draws_everything_again()
    {
        ContentLoader.Load(_content.Root, new FigureCache(_folder));

        var changedRenderer = new FigureCache(_folder, rendererVersion: "geometry changed");
        ContentLoader.Load(_content.Root, changedRenderer);

        Assert.Equal((2, 0), (changedRenderer.Drawn, changedRenderer.Read));
        Assert.Equal(4, Files().Length);
    }

    [Fact]
    public void A_warm_cache_reports_the_same_content_problems_as_no_cache()
    {
        ContentLoader.Load(_content.Root, new FigureCache(_folder));
        _content.Write("stretches/back/third.md", TempContent.Stretch("Third stretch", frontMatter: Illustration(10, view: "from-above")));

        var warm = ContentLoader.Load(_content.Root, new FigureCache(_folder));
        var none = ContentLoader.Load(_content.Root);

        var problem = Assert.Single(warm.Problems);
        Assert.Contains("unknown view 'from-above'", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(none.Problems, warm.Problems);
        Assert.Null(warm.FindStretch("third")!.Illustration);
    }

    [Fact]
    public void Instances_loading_at_once_on_one_folder_all_get_whole_drawings()
    {
        var caches = Enumerable.Range(0, 6).Select(_ => new FigureCache(_folder)).ToArray();

        var snapshots = caches.AsParallel().Select(c => ContentLoader.Load(_content.Root, c)).ToArray();
        var later = new FigureCache(_folder);
        ContentLoader.Load(_content.Root, later);

        Assert.All(snapshots, s => Assert.Equal(2, s.Stretches.Count(st => st.Illustration is { Frames.Count: 2 })));
        Assert.Equal((0, 2), (later.Drawn, later.Read));
        Assert.Equal(2, Files().Length); // no temporary file left behind
    }

    [Fact]
    public void Pruning_deletes_only_files_unread_for_the_idle_time()
    {
        ContentLoader.Load(_content.Root, new FigureCache(_folder));
        var longAgo = DateTime.UtcNow - FigureCache.MaxIdle - TimeSpan.FromDays(1);
        var drawings = Files();
        var stray = Path.Join(_folder, "left-over.json.1.tmp");
        var other = Path.Join(_folder, "notes.txt");
        File.WriteAllText(stray, "{");
        File.WriteAllText(other, "not ours");
        foreach (var file in drawings.Append(stray).Append(other))
        {
            File.SetLastWriteTimeUtc(file, longAgo);
        }

        var cache = new FigureCache(_folder);
        ContentLoader.Load(_content.Root, cache);
        cache.Prune();
        var afterUse = Files().Order(StringComparer.Ordinal).ToArray();
        File.SetLastWriteTimeUtc(drawings[0], longAgo);
        cache.Prune();

        Assert.Equal(2, cache.Read);
        Assert.Equal([.. drawings.Append(other).Order(StringComparer.Ordinal)], afterUse);
        Assert.Equal([.. drawings.Skip(1).Append(other).Order(StringComparer.Ordinal)], Files().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_still_draws_every_figure()
    {
        File.WriteAllText(_folder, "a file where the folder should be");
        try
        {
            var cache = new FigureCache(_folder);
            var snapshot = ContentLoader.Load(_content.Root, cache);

            Assert.Equal(2, cache.Drawn);
            Assert.Empty(snapshot.Problems);
            Assert.Equal(2, snapshot.Stretches.Count(s => s.Illustration is not null));
        }
        finally
        {
            File.Delete(_folder);
        }
    }

    private sealed class ListLogger : ILogger<ContentStore>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    private sealed class DrawingComparer : IEqualityComparer<(string, IReadOnlyList<DrawnFrame>, string[])>
    {
        public bool Equals((string, IReadOnlyList<DrawnFrame>, string[]) x, (string, IReadOnlyList<DrawnFrame>, string[]) y) =>
            x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2) && x.Item3.SequenceEqual(y.Item3);

        public int GetHashCode((string, IReadOnlyList<DrawnFrame>, string[]) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
