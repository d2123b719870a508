using System.Net;
using AngleSharp.Html.Dom;

namespace StretchLibrary.Web.Tests.Pages;

public class StretchListTests(LibraryFactory factory) : IClassFixture<LibraryFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(IHtmlDocument Document, string[] Slugs)> ListAsync(string query)
    {
        var document = await _client.GetDocumentAsync("/stretches" + query);
        var slugs = document.QuerySelectorAll(".card h3 a").Select(a => a.GetAttribute("href")!["/stretches/".Length..]).ToArray();
        return (document, slugs);
    }

    [Fact]
    public async Task All_stretches_are_listed_with_a_count()
    {
        var (document, slugs) = await ListAsync("");

        Assert.Equal(11, slugs.Length);
        Assert.Equal("11 stretches", document.QuerySelector(".result-count")!.TextContent);
    }

    [Theory]
    [InlineData("?category=neck", new[] { "chin-tucks", "neck-flexion-extension", "seated-cervical-rotation" })]
    [InlineData("?category=NECK", new[] { "chin-tucks", "neck-flexion-extension", "seated-cervical-rotation" })]
    [InlineData("?equipment=foam-roller", new[] { "foam-roller-i-y-t", "thoracic-extension" })]
    [InlineData("?equipment=towel", new[] { "lying-arm-extensions" })]
    [InlineData("?position=side-lying", new[] { "thoracic-rotation-stretch" })]
    [InlineData("?position=hands-and-knees&category=back", new[] { "quadruped-rotation" })]
    [InlineData("?position=seated&category=posture&equipment=none", new[] { "backward-shoulder-rolls" })]
    [InlineData("?q=rotation&category=neck", new[] { "seated-cervical-rotation" })]
    [InlineData("?category=legs", new string[0])]
    public async Task Filters_combine(string query, string[] expected)
    {
        var (_, slugs) = await ListAsync(query);

        Assert.Equal(expected.Order(), slugs.Order());
    }

    [Fact]
    public async Task Search_with_a_typo_finds_the_thoracic_stretches()
    {
        var (document, slugs) = await ListAsync("?q=thorasic");

        Assert.Contains("thoracic-extension", slugs);
        Assert.Contains("thoracic-rotation-stretch", slugs);
        Assert.Equal($"{slugs.Length} stretches of 11", document.QuerySelector(".result-count")!.TextContent);
        Assert.Equal("thorasic", ((IHtmlInputElement)document.QuerySelector("#q")!).Value);
    }

    [Fact]
    public async Task No_results_shows_a_helpful_empty_state_that_keeps_the_filters()
    {
        var (document, slugs) = await ListAsync("?q=zebra&category=neck");

        Assert.Empty(slugs);
        Assert.Equal("No stretches match", document.QuerySelector(".empty-state h2")!.TextContent);
        var links = document.QuerySelectorAll(".empty-state a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Contains("/stretches?category=neck", links);
        Assert.Contains("/stretches?q=zebra", links);
        Assert.Contains("/stretches", links);
    }

    [Fact]
    public async Task Removing_one_filter_keeps_the_others()
    {
        var (document, _) = await ListAsync("?q=stretch&category=back&equipment=chair");

        var chips = document.QuerySelectorAll(".active-filters a.chip").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(
            ["/stretches?category=back&equipment=chair", "/stretches?q=stretch&equipment=chair", "/stretches?q=stretch&category=back"],
            chips);
    }

    [Fact]
    public async Task Filter_selects_keep_the_chosen_values()
    {
        var (document, _) = await ListAsync("?category=posture&position=lying-on-back");

        Assert.Equal("posture", ((IHtmlSelectElement)document.QuerySelector("#category")!).Value);
        Assert.Equal("lying-on-back", ((IHtmlSelectElement)document.QuerySelector("#position")!).Value);
    }

    private static readonly StretchLibrary.Web.Library.Content.ContentSnapshot Shipped = StretchLibrary.Web.Library.Content.ContentLoader.Load(TempContent.ShippedRoot);

    private static string[] InArea(string category) =>
        [.. Shipped.Stretches.Where(s => s.Category.ToString().Equals(category, StringComparison.OrdinalIgnoreCase)).Select(s => s.Slug)];

    [Theory]
    [InlineData("between shoulder blades")]
    [InlineData("pain between shoulder blades")]
    [InlineData("between the shoulder blades")]
    public async Task Between_the_shoulder_blades_lists_the_mid_back_stretches_first_then_the_posture_ones(string query)
    {
        var (document, slugs) = await ListAsync("?q=" + Uri.EscapeDataString(query));

        // It was Prone W alone; the mid back is what lies between the shoulder blades, so its area comes first.
        Assert.Equal(InArea("back").Order(), slugs.Take(4).Order());
        Assert.Contains("prone-w", slugs);
        Assert.Contains("backward-shoulder-rolls", slugs);
        Assert.Contains("lying-arm-extensions", slugs);
        Assert.Null(document.QuerySelector(".partial-note"));
        Assert.Contains("between the shoulder blades", document.QuerySelector($".card[data-slug={slugs[0]}] .card-complaint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Desk_lists_every_stretch_of_the_desk_break_and_the_desk_break_itself()
    {
        var (document, slugs) = await ListAsync("?q=desk");

        // Every stretch of the routine the home page offers for a desk break, not chin tucks alone.
        var deskBreak = Shipped.FindStarter("desk-break")!;
        Assert.All(deskBreak.Items, item => Assert.Contains(item.StretchSlug, slugs));
        Assert.Contains(deskBreak.Title, document.QuerySelectorAll(".starters .card-title").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Headache_lists_the_neck_stretches_and_says_they_do_not_treat_headaches()
    {
        var (document, slugs) = await ListAsync("?q=headache");

        Assert.Equal(InArea("neck").Order(), slugs.Order());
        var complaints = document.QuerySelectorAll(".card-complaint").Select(p => p.TextContent).ToArray();
        Assert.Equal(slugs.Length, complaints.Length);
        Assert.All(complaints, text => Assert.Contains("does not treat headaches", text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kyphosis_lists_posture_stretches_first_and_says_they_are_not_a_treatment_for_it()
    {
        var (document, slugs) = await ListAsync("?q=kyphosis");

        var posture = InArea("posture");
        Assert.Equal(posture.Order(), slugs.Take(posture.Length).Order());
        Assert.Contains("thoracic-extension", slugs);
        Assert.All(document.QuerySelectorAll(".card-complaint"), p => Assert.Contains("not a treatment for kyphosis", p.TextContent, StringComparison.Ordinal));
        Assert.Equal(slugs.Length, document.QuerySelectorAll(".card-complaint").Length);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_suggests_the_areas_and_the_guides()
    {
        var (document, slugs) = await ListAsync("?q=zebra");

        Assert.Empty(slugs);
        Assert.Equal(
            ["/stretches?category=back", "/stretches?category=posture", "/stretches?category=neck"],
            document.QuerySelectorAll(".empty-state .empty-areas a").Select(a => a.GetAttribute("href")));
        var guides = document.QuerySelectorAll(".empty-state .empty-guides a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(Shipped.Guides.Select(g => $"/guides/{g.Slug}"), guides);
        Assert.Contains("/guides/safe-stretching", guides);
    }

    [Fact]
    public async Task Filters_sit_behind_one_control_that_says_how_many_are_on()
    {
        var (plain, _) = await ListAsync("");
        var (filtered, _) = await ListAsync("?q=neck&category=neck&equipment=chair");

        var panel = plain.QuerySelector("form.filters details.filter-panel")!;
        Assert.False(panel.HasAttribute("open"));
        Assert.Equal("Filters", panel.QuerySelector("summary")!.TextContent.Trim());
        Assert.NotNull(panel.QuerySelector("#category"));
        Assert.NotNull(panel.QuerySelector("#position"));
        Assert.NotNull(panel.QuerySelector("#equipment"));
        // The search box stays outside, with its own button.
        Assert.Null(panel.QuerySelector("#q"));
        Assert.NotNull(plain.QuerySelector("form.filters .search-row button[type=submit]"));
        Assert.Equal("Filters (2 on)", filtered.QuerySelector("details.filter-panel summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task Search_text_is_shown_encoded()
    {
        using var response = await _client.GetAsync("/stretches?q=%3Cscript%3Ealert(1)%3C/script%3E");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("&lt;script&gt;alert(1)", html);
    }
}
