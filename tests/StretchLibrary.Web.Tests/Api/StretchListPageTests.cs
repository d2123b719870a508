using StretchLibrary.Web.Library.Api;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Api;

public class StretchListPageTests
{
    private static readonly ContentSnapshot Shipped = ContentLoader.Load(TempContent.ShippedRoot);

    private static readonly StretchFilter All = new(null, null, null, null);

    [Fact]
    public void Pages_follow_on_from_the_cursor_and_the_last_has_no_next()
    {
        var first = StretchListPage.Read(Shipped, All, 8, null).Page!;
        var second = StretchListPage.Read(Shipped, All, 8, first.NextCursor).Page!;

        Assert.Equal(8, first.Stretches.Count);
        Assert.Equal(Shipped.Stretches.Skip(8).Select(s => s.Slug), second.Stretches.Select(s => s.Slug));
        Assert.Null(second.NextCursor);
    }

    [Theory]
    [InlineData(0, null, null, "limit must be between 1 and 100.")]
    [InlineData(101, null, null, "limit must be between 1 and 100.")]
    [InlineData(null, "legs", null, "category must be back, posture or neck.")]
    [InlineData(null, null, "%%", "cursor does not belong to this list (or the library changed): start again without it.")]
    [InlineData(null, null, "bm8tc3VjaA", "cursor does not belong to this list (or the library changed): start again without it.")]
    public void A_bad_request_gets_its_problem_and_no_page(int? limit, string? category, string? cursor, string problem)
    {
        var (page, said) = StretchListPage.Read(Shipped, All with { Category = category }, limit, cursor);

        Assert.Null(page);
        Assert.Equal(problem, said);
    }

    [Fact]
    public void The_next_link_keeps_the_filters_and_the_limit()
    {
        var filter = new StretchFilter("rotation", null, null, null);
        var page = StretchListPage.Read(Shipped, filter, 1, null).Page!;

        Assert.Equal($"</base/api/v1/stretches?q=rotation&limit=1&cursor={page.NextCursor}>; rel=\"next\"", page.NextLink("/base", filter, 1));
    }
}
