using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public sealed class ContentLoaderTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    [Fact]
    public void Shipped_content_loads_with_no_problems()
    {
        var snapshot = ContentLoader.Load(TempContent.ShippedRoot);

        Assert.Empty(snapshot.Problems);
        Assert.Equal(11, snapshot.Stretches.Count);
        Assert.Equal(4, snapshot.Guides.Count);
        Assert.All(snapshot.Stretches, s => Assert.NotEmpty(s.Steps));
        Assert.Equal(["laying arm extensions"], snapshot.FindStretch("lying-arm-extensions")!.Aliases.Where(a => a.StartsWith("laying", StringComparison.Ordinal)));
        Assert.Contains(snapshot.FindStretch("thoracic-extension")!.Harder, v => v.Text.Contains("foam roller", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Duplicate_slug_keeps_the_first_and_reports_the_second()
    {
        _content.Write("stretches/back/twist.md", TempContent.Stretch("Back twist"));
        var second = _content.Write("stretches/neck/twist.md", TempContent.Stretch("Neck twist", "neck"));

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Equal("Back twist", Assert.Single(snapshot.Stretches).Title);
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(second, problem.Path);
        Assert.StartsWith("duplicate slug 'twist': already used by", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_related_slug_is_reported_and_the_link_dropped_but_the_article_kept()
    {
        _content.Write("stretches/back/other.md", TempContent.Stretch("Other"));
        var path = _content.Write("stretches/back/twist.md", TempContent.Stretch(frontMatter: "related: [other, no-such-stretch]"));

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Equal([new ContentProblem(path, 9, "related slug 'no-such-stretch' is not a stretch in the library")], snapshot.Problems);
        Assert.Equal(["other"], snapshot.FindStretch("twist")!.Related);
    }

    [Fact]
    public void A_broken_file_is_skipped_and_the_rest_still_load()
    {
        _content.Write("stretches/back/good.md", TempContent.Stretch("Good one"));
        _content.Write("stretches/back/broken.md", "---\ntitle: [\n---\nbody");
        _content.Write("guides/guide.md", "---\ntitle: A guide\nsummary: About things.\n---\nSome words.\n");

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Equal(["good"], snapshot.Stretches.Select(s => s.Slug));
        Assert.Equal(["guide"], snapshot.Guides.Select(g => g.Slug));
        Assert.EndsWith("broken.md", Assert.Single(snapshot.Problems).Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_folder_is_a_problem_not_a_crash()
    {
        var snapshot = ContentLoader.Load(Path.Join(_content.Root, "nope"));

        Assert.Empty(snapshot.Stretches);
        Assert.Equal("content folder not found", Assert.Single(snapshot.Problems).Reason);
    }

    [Fact]
    public void Stretch_outside_a_category_folder_is_reported()
    {
        _content.Write("stretches/loose.md", TempContent.Stretch());

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Contains("belong in stretches/back", Assert.Single(snapshot.Problems).Reason);
    }

    [Fact]
    public void Bad_file_name_is_reported()
    {
        _content.Write("stretches/back/Bad Name.md", TempContent.Stretch());

        var snapshot = ContentLoader.Load(_content.Root);

        Assert.Contains("is not a valid slug", Assert.Single(snapshot.Problems).Reason);
    }
}
