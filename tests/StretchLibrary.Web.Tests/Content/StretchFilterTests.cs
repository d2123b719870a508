using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public class StretchFilterTests
{
    private static readonly ContentSnapshot Shipped = ContentLoader.Load(TempContent.ShippedRoot);

    private static string[] Slugs(StretchFilter filter) => [.. filter.Apply(Shipped).Results.Select(s => s.Slug).Order()];

    [Fact]
    public void No_equipment_keeps_only_the_stretches_that_need_nothing()
    {
        var slugs = Slugs(new StretchFilter(null, "posture", "seated", StretchFilter.NoEquipment));

        Assert.Equal(["backward-shoulder-rolls"], slugs);
    }

    [Theory]
    [InlineData("legs", null, null)]
    [InlineData(null, "upside-down", null)]
    [InlineData(null, null, "trampoline")]
    public void An_unknown_filter_value_matches_nothing(string? category, string? position, string? equipment) =>
        Assert.Empty(Slugs(new StretchFilter(null, category, position, equipment)));

    [Fact]
    public void A_partial_search_is_not_partial_once_the_filters_leave_nothing()
    {
        Assert.True(new StretchFilter("chin zebra", null, null, null).Apply(Shipped).Partial);

        var filtered = new StretchFilter("chin zebra", "back", null, null).Apply(Shipped);

        Assert.Empty(filtered.Results);
        Assert.False(filtered.Partial);
    }

    [Theory]
    [InlineData("  neck  ", "neck")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void The_search_is_trimmed_and_blank_is_none(string? typed, string? expected) =>
        Assert.Equal(expected, StretchFilter.CleanQuery(typed));

    [Fact]
    public void The_search_is_cut_to_its_longest() =>
        Assert.Equal(StretchFilter.MaxQueryLength, StretchFilter.CleanQuery(new string('a', 500))!.Length);

    [Fact]
    public void A_link_changes_one_filter_and_keeps_the_others() =>
        Assert.Equal("/stretches?q=tuck&equipment=none", new StretchFilter("tuck", "neck", null, "none").LinkWith("category", null));

    [Fact]
    public void Only_area_position_and_equipment_count_as_filters()
    {
        var filter = new StretchFilter("tuck", "neck", "", "none");

        Assert.Equal(2, filter.Count);
        Assert.True(filter.IsSet);
        Assert.False(new StretchFilter(" ", null, null, null).IsSet);
    }

    [Fact]
    public void An_area_suggests_the_starters_that_work_on_it_and_a_search_the_ones_it_names()
    {
        var byArea = new StretchFilter(null, "neck", null, null).Starters(Shipped);
        var bySearch = new StretchFilter("desk", "back", null, null).Starters(Shipped);

        Assert.NotEmpty(byArea);
        Assert.All(byArea, s => Assert.Contains(s.Items, i => Shipped.FindStretch(i.StretchSlug)?.Category == Category.Neck));
        Assert.Contains(bySearch, s => s.Title.Contains("desk", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(new StretchFilter(null, null, "seated", null).Starters(Shipped));
    }
}
