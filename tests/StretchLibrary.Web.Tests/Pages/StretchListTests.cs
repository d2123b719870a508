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
