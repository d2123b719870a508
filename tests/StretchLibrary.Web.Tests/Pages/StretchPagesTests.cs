using System.Net;
using AngleSharp.Dom;
using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Pages;

public class StretchPagesTests(LibraryFactory factory) : IClassFixture<LibraryFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> ShippedPages => new()
    {
        { "/stretches/seated-trunk-rotation", "Seated trunk rotation" },
        { "/stretches/quadruped-rotation", "Quadruped rotation" },
        { "/stretches/thoracic-rotation-stretch", "Thoracic rotation stretch" },
        { "/stretches/thoracic-extension", "Thoracic extension" },
        { "/stretches/backward-shoulder-rolls", "Backward shoulder rolls" },
        { "/stretches/lying-arm-extensions", "Lying arm extensions" },
        { "/stretches/prone-w", "Prone W" },
        { "/stretches/foam-roller-i-y-t", "Foam roller I, Y, T" },
        { "/stretches/chin-tucks", "Chin tucks" },
        { "/stretches/neck-flexion-extension", "Neck flexion and extension" },
        { "/stretches/seated-cervical-rotation", "Seated cervical rotation" },
        { "/guides/how-often-to-stretch", "How often should you stretch?" },
        { "/guides/when-to-stretch", "When to stretch" },
        { "/guides/safe-stretching", "Stretching safely" },
    };

    [Theory]
    [MemberData(nameof(ShippedPages))]
    public async Task Every_shipped_article_answers_200_with_its_title(string url, string title)
    {
        using var response = await _client.GetAsync(url);
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(title, document.QuerySelector("h1")!.TextContent);
        Assert.Equal($"{title} · StretchLibrary", document.Title);
    }

    [Theory]
    [InlineData("/stretches/no-such-stretch")]
    [InlineData("/guides/no-such-guide")]
    [InlineData("/nothing/here")]
    public async Task Unknown_address_returns_a_friendly_404(string url)
    {
        using var response = await _client.GetAsync(url);
        var document = await response.ReadDocumentAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We couldn’t find that page", document.QuerySelector("h1")!.TextContent);
        Assert.NotNull(document.QuerySelector("form[action='/stretches'] input[name=q]"));
    }

    [Fact]
    public async Task Home_page_shows_the_three_areas_a_start_set_and_the_safety_note()
    {
        var document = await _client.GetDocumentAsync("/");

        Assert.Equal(
            ["/stretches?category=back", "/stretches?category=posture", "/stretches?category=neck"],
            document.QuerySelectorAll(".category-tile").Select(a => a.GetAttribute("href")));
        Assert.Equal(3, document.QuerySelectorAll(".card").Length);
        Assert.Contains("numbness", document.QuerySelector(".safety-note")!.TextContent);
        Assert.NotNull(document.QuerySelector(".safety-note a[href='/guides/safe-stretching']"));
    }

    [Fact]
    public async Task Stretch_page_shows_dosage_steps_stop_if_tags_and_related_links()
    {
        var document = await _client.GetDocumentAsync("/stretches/seated-trunk-rotation");

        Assert.Equal("10-15 reps, then switch sides", document.QuerySelector(".dosage-main")!.TextContent);
        Assert.True(document.QuerySelectorAll(".stretch-body ol li").Length >= 3);
        Assert.NotEmpty(document.QuerySelectorAll(".stop-if li"));
        Assert.Contains("/stretches?position=seated", Hrefs(document, ".tags a"));
        Assert.Contains("/stretches?equipment=chair", Hrefs(document, ".tags a"));
        Assert.NotEmpty(document.QuerySelectorAll(".related a[href^='/stretches/']"));
        Assert.Contains("/guides/safe-stretching", Hrefs(document, ".stop-if a"));
    }

    [Fact]
    public async Task Thoracic_rotation_says_hold_about_30_seconds_on_each_side()
    {
        var document = await _client.GetDocumentAsync("/stretches/thoracic-rotation-stretch");

        Assert.Equal("Hold about 30 s on each side, 2-3 times", document.QuerySelector(".dosage-main")!.TextContent);
    }

    [Theory]
    [InlineData("/", ".safety-note")]
    [InlineData("/guides", ".guide-list")]
    [InlineData("/guides/safe-stretching", ".guide")]
    public async Task The_safety_rule_is_summarised_at_full_strength(string path, string selector)
    {
        var document = await _client.GetDocumentAsync(path);

        var text = document.QuerySelector(selector)!.TextContent;
        Assert.Contains("uncomfortable", text, StringComparison.Ordinal);
        Assert.Contains("stop and get medical advice straight away", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("does not settle", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_points_to_the_safety_guide_without_stating_the_rule_a_second_time()
    {
        var document = await _client.GetDocumentAsync("/stretches/chin-tucks");

        var footer = document.QuerySelector(".site-footer")!;
        Assert.Equal("/guides/safe-stretching", footer.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("straight away", footer.TextContent, StringComparison.Ordinal);
    }

    public static TheoryData<string> StretchSlugs => [.. ContentLoader.Load(TempContent.ShippedRoot).Stretches.Select(s => s.Slug)];

    [Theory]
    [MemberData(nameof(StretchSlugs))]
    public async Task Every_stretch_page_states_the_safety_rule_once_at_full_strength(string slug)
    {
        var document = await _client.GetDocumentAsync($"/stretches/{slug}");

        var text = System.Text.RegularExpressions.Regex.Replace(document.Body!.TextContent, @"\s+", " ");
        // Once on the page: the lead, and the nerve-type line naming both an arm and a leg.
        Assert.Equal(1, CountOf(text, "Stop and get medical advice straight away if you have:"));
        Assert.Equal(1, CountOf(text, "numbness, tingling, weakness, or pain that spreads into an arm or a leg"));
        Assert.Equal(0, CountOf(text, "Any discomfort"));
        var box = document.QuerySelector(".stop-if")!;
        Assert.Equal("What you should feel: a gentle stretch, or muscles gently at work.", box.QuerySelector(".stop-if-expected")!.TextContent);
        Assert.Equal(
            ["pain, or discomfort beyond that gentle stretch", "a significant change in your symptoms", "above all, nerve-type symptoms: numbness, tingling, weakness, or pain that spreads into an arm or a leg"],
            box.QuerySelectorAll(".stop-if-rule li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("thoracic-rotation-stretch", "Your hips start to roll, or the turn feels forced.")]
    [InlineData("seated-cervical-rotation", "You feel dizzy or your vision changes, above all with finger pressure; let go and get medical advice straight away.")]
    public async Task A_stretchs_own_stop_signs_follow_the_rule(string slug, string sign)
    {
        var document = await _client.GetDocumentAsync($"/stretches/{slug}");

        Assert.Equal("Also stop this stretch if:", document.QuerySelector(".stop-if .stop-if-own-lead")!.TextContent.Trim());
        Assert.Equal([sign], document.QuerySelectorAll(".stop-if .stop-if-own li").Select(li => li.TextContent));
    }

    [Fact]
    public async Task A_stretch_without_signs_of_its_own_shows_only_the_rule()
    {
        var document = await _client.GetDocumentAsync("/stretches/chin-tucks");

        Assert.Null(document.QuerySelector(".stop-if-own-lead"));
        Assert.Equal(3, document.QuerySelectorAll(".stop-if .stop-if-list li").Length);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    [InlineData("/stretches?category=neck", "Neck stretches", "https://localhost/stretches?category=neck")]
    [InlineData("/Stretches/Thoracic-Extension/", "Thoracic extension", "https://localhost/stretches/thoracic-extension")]
    [InlineData("/guides/", "Guides", "https://localhost/guides")]
    public async Task Public_pages_have_a_title_a_description_and_one_canonical_address(string path, string heading, string canonical)
    {
        var document = await _client.GetDocumentAsync(path);

        Assert.Equal(heading, document.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(heading, document.Title, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")?.GetAttribute("content")));
        Assert.Equal(canonical, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Robots_keeps_user_pages_and_share_links_out_and_the_sitemap_lists_the_library()
    {
        var robots = await _client.GetStringAsync("/robots.txt");
        var sitemap = await _client.GetStringAsync("/sitemap.xml");

        Assert.Contains("Disallow: /routines", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /s/", robots, StringComparison.Ordinal);
        Assert.Contains("Sitemap: https://localhost/sitemap.xml", robots, StringComparison.Ordinal);
        var locs = System.Xml.Linq.XDocument.Parse(sitemap).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToArray();
        Assert.Contains("https://localhost/stretches/chin-tucks", locs);
        Assert.Contains("https://localhost/stretches?category=neck", locs);
        Assert.Contains("https://localhost/guides/safe-stretching", locs);
        Assert.DoesNotContain(locs, l => l.Contains("/routines", StringComparison.Ordinal) || l.Contains("/s/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/apple-touch-icon.png", "image/png")]
    public async Task The_site_icon_is_served(string path, string type)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Healthz_reports_healthy_with_the_database_and_the_content()
    {
        using var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var report = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["database"]!["status"]);
        // SQLite reads a row of every table (a damaged page shows); PostgreSQL checks its own pages, so only reachability.
        Assert.EndsWith(LibraryFactory.OnPostgres ? "database reachable" : "tables readable", (string?)report["checks"]!["database"]!["description"], StringComparison.Ordinal);
        Assert.Equal("Healthy", (string?)report["checks"]!["content"]!["status"]);
        Assert.EndsWith("stretches", (string?)report["checks"]!["content"]!["description"], StringComparison.Ordinal);
    }

    private static IEnumerable<string?> Hrefs(IParentNode document, string selector) =>
        document.QuerySelectorAll(selector).Select(a => a.GetAttribute("href"));
}
