using System.Net;
using System.Text.Json;

namespace StretchLibrary.Web.Tests.Api;

public sealed class LibraryApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Stretch_list_pages_with_a_cursor_and_link_header_through_every_stretch_once()
    {
        var client = await app.ApiClientAsync();
        var slugs = new List<string>();
        string? next = "/api/v1/stretches?limit=4";
        var pages = 0;
        while (next is not null)
        {
            using var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            slugs.AddRange(body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!));
            next = response.Headers.TryGetValues("Link", out var link) ? link.Single().Split(';')[0].Trim('<', '>') : null;
            Assert.Equal(next is null, body.RootElement.GetProperty("nextCursor").ValueKind == JsonValueKind.Null);
            pages++;
        }

        var store = (StretchLibrary.Web.Library.Content.ContentStore)app.Services.GetService(typeof(StretchLibrary.Web.Library.Content.ContentStore))!;
        Assert.Equal(store.Current.Stretches.Select(s => s.Slug), slugs);
        Assert.Equal((slugs.Count + 3) / 4, pages);
    }

    [Fact]
    public async Task Filters_and_search_narrow_the_list()
    {
        var client = await app.ApiClientAsync();
        var neck = await ItemsAsync(client, "/api/v1/stretches?category=neck&limit=100");
        Assert.NotEmpty(neck);
        Assert.All(neck, i => Assert.Equal("neck", i.GetProperty("category").GetString()));
        var none = await ItemsAsync(client, "/api/v1/stretches?equipment=none&limit=100");
        Assert.All(none, i => Assert.Equal(0, i.GetProperty("equipment").GetArrayLength()));
        var search = await ItemsAsync(client, "/api/v1/stretches?q=chin");
        Assert.Equal("chin-tucks", search[0].GetProperty("slug").GetString());
        var seated = await ItemsAsync(client, "/api/v1/stretches?position=seated&limit=100");
        Assert.All(seated, i => Assert.Contains(i.GetProperty("positions").EnumerateArray(), p => p.GetProperty("slug").GetString() == "seated"));
    }

    [Fact]
    public async Task One_stretch_has_dosage_cautions_stop_if_related_and_figures()
    {
        var client = await app.ApiClientAsync();
        using var response = await client.GetAsync("/api/v1/stretches/chin-tucks");
        var stretch = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("chin-tucks", stretch.GetProperty("slug").GetString());
        Assert.False(string.IsNullOrEmpty(stretch.GetProperty("dosage").GetProperty("text").GetString()));
        // Chin tucks has no stop signs of its own; the rule every stretch shares comes with it, at full strength.
        Assert.Equal(0, stretch.GetProperty("stopIf").GetArrayLength());
        Assert.Contains("Stop and get medical advice straight away", stretch.GetProperty("safety").GetString(), StringComparison.Ordinal);
        Assert.Contains("an arm or a leg", stretch.GetProperty("safety").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, stretch.GetProperty("steps").GetArrayLength());
        // Chin tucks is drawn before and after: each frame's SVG address, as the site serves it.
        Assert.Equal("/figures/chin-tucks/before.svg /figures/chin-tucks/tucked.svg", string.Join(" ", stretch.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("url").GetString())));
        Assert.All(stretch.GetProperty("related").EnumerateArray(), r => Assert.StartsWith("/api/v1/stretches/", r.GetProperty("url").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Same_content_answers_304_to_its_strong_etag_with_public_caching_and_open_cors()
    {
        var client = await app.ApiClientAsync();
        using var first = await client.GetAsync("/api/v1/stretches/chin-tucks");
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl!.Public);
        Assert.Equal("*", first.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stretches/chin-tucks");
        again.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag);

        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stretches/thoracic-extension");
        other.Headers.IfNoneMatch.Add(etag);
        using var third = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
    }

    [Fact]
    public async Task Cors_preflight_is_open_for_library_reads_only()
    {
        var client = app.CreateDefaultClient(new Uri("https://localhost"));
        using var library = Preflight("/api/v1/stretches", "GET");
        using var libraryResponse = await client.SendAsync(library);
        Assert.Equal("*", libraryResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var me = Preflight("/api/v1/me/routines/1/sessions", "POST");
        using var meResponse = await client.SendAsync(me);
        Assert.False(meResponse.Headers.Contains("Access-Control-Allow-Origin"));

        static HttpRequestMessage Preflight(string path, string method)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, path);
            request.Headers.Add("Origin", "https://elsewhere.example");
            request.Headers.Add("Access-Control-Request-Method", method);
            return request;
        }
    }

    [Theory]
    [InlineData("/api/v1/stretches/no-such-stretch", 404)]
    [InlineData("/api/v1/guides/no-such-guide", 404)]
    [InlineData("/api/v1/stretches?limit=0", 400)]
    [InlineData("/api/v1/stretches?limit=abc", 400)]
    [InlineData("/api/v1/stretches?category=legs", 400)]
    [InlineData("/api/v1/stretches?cursor=%25%25", 400)]
    public async Task Bad_requests_are_problem_details(string path, int status)
    {
        var client = await app.ApiClientAsync();
        using var response = await client.GetAsync(path);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Unknown_api_path_is_a_problem_not_the_html_page()
    {
        var client = app.CreateDefaultClient(new Uri("https://localhost"));
        using var response = await client.GetAsync("/api/v1/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Guides_and_starter_routines_are_listed()
    {
        var client = await app.ApiClientAsync();
        var guides = await ItemsAsync(client, "/api/v1/guides");
        Assert.Contains(guides, g => g.GetProperty("slug").GetString() == "safe-stretching");
        using var guide = await client.GetAsync("/api/v1/guides/safe-stretching");
        Assert.Contains("<", JsonDocument.Parse(await guide.Content.ReadAsStringAsync()).RootElement.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        var starters = await ItemsAsync(client, "/api/v1/starter-routines");
        Assert.NotEmpty(starters);
        Assert.All(starters, s => Assert.NotEqual(0, s.GetProperty("items").GetArrayLength()));
    }

    [Fact]
    public async Task Openapi_document_is_3_1_with_a_summary_for_every_operation_and_examples()
    {
        var client = app.CreateDefaultClient(new Uri("https://localhost"));
        var raw = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.StartsWith("3.1", raw.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        await app.ApiClientAsync();
        var operations = app.Contract.Document.Paths.SelectMany(p => p.Value.Operations!.Values).ToList();
        Assert.True(operations.Count >= 9);
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty(o.Summary)));
        Assert.NotEmpty(app.Contract.Document.Components!.Schemas!["LogSessionRequest"].Examples!);
        Assert.True(app.Contract.Document.Components.SecuritySchemes!.ContainsKey("bearer"));
    }

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()];
    }
}
