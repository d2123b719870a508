using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// The page cache in front of the pipeline: a user's routine page and sheet are kept per user and browser, and
/// must never reach anyone else, outlive a write, a sign-out or the user's midnight.
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    private const string Password = "plum tractor orbit";
    private const string AuthCookie = "__Host-stretchlibrary.auth";
    private const string AntiforgeryCookie = "__Host-stretchlibrary.af";

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private PageCache Cache => _factory.Services.GetRequiredService<PageCache>();

    [Theory]
    [InlineData("")]
    [InlineData("/sheet")]
    public async Task The_owners_second_visit_is_served_from_memory_with_the_same_bytes(string page)
    {
        var (visitor, _) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{visitor.RoutineId}{page}";

        using var first = await visitor.Http.GetAsync(url);
        var hits = Cache.Hits;
        using var second = await visitor.Http.GetAsync(url);

        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));
        Assert.Equal(hits + 1, Cache.Hits);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy"), second.Headers.GetValues("Content-Security-Policy"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Another_user_sending_the_owners_antiforgery_cookie_gets_404_not_the_cached_page()
    {
        var (owner, ownerJar) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{owner.RoutineId}";
        await owner.GetAsync(url);
        using var cached = await owner.Http.GetAsync(url);
        Assert.True(cached.Headers.Contains("Age"));
        var (_, otherJar) = await SignedUpAsync("ben@example.com");
        var antiforgery = Cookies(ownerJar)[AntiforgeryCookie];

        using var asOther = await SendAsync(url, (AuthCookie, Cookies(otherJar)[AuthCookie]), (AntiforgeryCookie, antiforgery));
        using var anonymous = await SendAsync(url, (AntiforgeryCookie, antiforgery));

        Assert.Equal(HttpStatusCode.NotFound, asOther.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.DoesNotContain("Desk", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_write_in_another_browser_replaces_the_cached_page()
    {
        var (phone, _) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{phone.RoutineId}";
        await phone.GetAsync(url);
        Assert.True((await phone.Http.GetAsync(url)).Headers.Contains("Age"));
        var laptop = new RoutineClient(Browser().Client);
        await laptop.LoginAsync("ana@example.com", Password);

        await laptop.GetAsync(url);
        await laptop.SubmitAsync("form[action*=handler\\=Rename]", ("Name", "Morning"));
        await laptop.MarkDoneAsync(DateOnly.FromDateTime(_factory.Clock.Now.UtcDateTime));
        var page = await phone.GetAsync(url);

        Assert.Equal("Morning", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("1", phone.Stat("total"));
    }

    [Fact]
    public async Task After_a_write_the_redirected_page_shows_the_change_and_its_message_once()
    {
        var (visitor, _) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{visitor.RoutineId}";
        await visitor.GetAsync(url);
        await visitor.GetAsync(url);

        var afterRename = await visitor.SubmitAsync("form[action*=handler\\=Rename]", ("Name", "Evening"));
        var again = await visitor.GetAsync(url);

        Assert.Equal("Evening", afterRename.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Renamed to “Evening”", afterRename.QuerySelector(".flash")!.TextContent);
        Assert.Equal("Evening", again.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(again.QuerySelector(".flash"));
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_both_cookies_no_longer_gets_the_cached_page()
    {
        var (visitor, jar) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{visitor.RoutineId}";
        await visitor.GetAsync(url);
        await visitor.GetAsync(url);
        var copied = Cookies(jar);
        using (var before = await SendAsync(url, (AuthCookie, copied[AuthCookie]), (AntiforgeryCookie, copied[AntiforgeryCookie])))
        {
            Assert.True(before.Headers.Contains("Age"));
        }

        await visitor.GetAsync("/account/logout");
        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        using var after = await SendAsync(url, (AuthCookie, copied[AuthCookie]), (AntiforgeryCookie, copied[AntiforgeryCookie]));

        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_password_change_elsewhere_stops_the_other_browsers_cookie_at_once()
    {
        var (phone, phoneJar) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{phone.RoutineId}";
        await phone.GetAsync(url);
        await phone.GetAsync(url);
        var laptop = new RoutineClient(Browser().Client);
        await laptop.LoginAsync("ana@example.com", Password);

        await laptop.GetAsync("/account");
        await laptop.SubmitAsync("form[action*=handler\\=Password]", ("Password.Current", Password), ("Password.New", "violet harbour engine"));
        var copied = Cookies(phoneJar);
        using var response = await SendAsync(url, (AuthCookie, copied[AuthCookie]), (AntiforgeryCookie, copied[AntiforgeryCookie]));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task At_the_users_midnight_the_page_is_rendered_again()
    {
        _factory.Clock.Now = new DateTimeOffset(2026, 3, 10, 22, 0, 0, TimeSpan.Zero);
        var (visitor, _) = await SignedUpAsync("ana@example.com");
        await visitor.MarkDoneAsync(new DateOnly(2026, 3, 10));
        var url = $"/routines/{visitor.RoutineId}";
        await visitor.GetAsync(url);
        Assert.Equal("today", (await visitor.GetAsync(url)).QuerySelector("[data-stat=last]")!.TextContent.Trim());

        _factory.Clock.Now = new DateTimeOffset(2026, 3, 11, 0, 0, 1, TimeSpan.Zero);
        var page = await visitor.GetAsync(url);

        Assert.Equal("yesterday", page.QuerySelector("[data-stat=last]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_cached_sheet_asked_for_under_another_host_name_is_refused_before_the_cache_answers()
    {
        var (visitor, jar) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{visitor.RoutineId}/sheet";
        var copied = Cookies(jar);
        await visitor.GetAsync(url);
        using var local = await visitor.Http.GetAsync(url);
        Assert.True(local.Headers.Contains("Age"));

        using var other = await SendAsync(url, "other.example", (AuthCookie, copied[AuthCookie]), (AntiforgeryCookie, copied[AntiforgeryCookie]));

        // Host filtering (from App:PublicOrigin) comes first in the pipeline, before the page cache.
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.False(other.Headers.Contains("Age"));
        Assert.DoesNotContain("<svg", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/stretches")]
    [InlineData("/stretches/chin-tucks")]
    [InlineData("/guides/safe-stretching")]
    public async Task A_library_page_is_kept_compressed_and_sent_as_brotli_gzip_or_plain_by_accept_encoding(string path)
    {
        using var plain = await GetAsync(path, acceptEncoding: null);
        var html = await plain.Content.ReadAsByteArrayAsync();
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);

        // A later request comes from the cache; with Redis as the store, not necessarily the next one, which may
        // arrive before the store has finished.
        using var brotli = await CachedAsync(path, "gzip, deflate, br, zstd");
        using var gzip = await GetAsync(path, "gzip, br;q=0");
        using var refused = await GetAsync(path, "br;q=0, gzip;q=0.0");

        Assert.True(brotli.Headers.Contains("Age"), "served from the page cache");
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(html, Decompress(new System.IO.Compression.BrotliStream(await brotli.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
        Assert.True(brotli.Content.Headers.ContentLength < html.Length / 2, $"{brotli.Content.Headers.ContentLength} of {html.Length} bytes");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(html, Decompress(new System.IO.Compression.GZipStream(await gzip.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
        Assert.Empty(refused.Content.Headers.ContentEncoding);
        Assert.Equal(html, await refused.Content.ReadAsByteArrayAsync());
        Assert.All([brotli, gzip, refused], r => Assert.Contains("Accept-Encoding", r.Headers.Vary));
    }

    [Fact]
    public async Task The_first_request_for_a_library_page_comes_back_brotli_encoded()
    {
        using var plain = await GetAsync("/stretches?first=plain", acceptEncoding: null);
        var html = await plain.Content.ReadAsByteArrayAsync();

        using var first = await GetAsync("/stretches", "br");

        Assert.False(first.Headers.Contains("Age"), "rendered, not served from the page cache");
        Assert.Equal(["br"], first.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", first.Headers.Vary);
        var decoded = System.Text.Encoding.UTF8.GetString(Decompress(new System.IO.Compression.BrotliStream(await first.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
        Assert.Contains("chin-tucks", decoded, StringComparison.Ordinal);
        Assert.True(first.Content.Headers.ContentLength < html.Length / 3, $"{first.Content.Headers.ContentLength} of {html.Length} bytes");
    }

    [Fact]
    public async Task A_library_page_served_again_is_soon_sent_at_its_smallest_compressed_size()
    {
        using var first = await GetAsync("/stretches", "br");
        Assert.False(first.Headers.Contains("Age"), "rendered, not served from the page cache");
        var rendered = (await first.Content.ReadAsByteArrayAsync()).Length;
        var html = Decompress(new System.IO.Compression.BrotliStream(await first.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress));

        // The first answer served from memory starts the smaller copies in the background; wait for them to be sent.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        byte[] brotli;
        do
        {
            using var again = await CachedAsync("/stretches", "br");
            brotli = await again.Content.ReadAsByteArrayAsync();
        }
        while (brotli.Length >= rendered * 0.9 && DateTime.UtcNow < deadline);
        using var gzip = await GetAsync("/stretches", "gzip");

        Assert.True(brotli.Length < rendered * 0.9, $"{brotli.Length} bytes against {rendered} when rendered");
        Assert.Equal(html, Decompress(new System.IO.Compression.BrotliStream(new MemoryStream(brotli), System.IO.Compression.CompressionMode.Decompress)));
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(html, Decompress(new System.IO.Compression.GZipStream(await gzip.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
    }

    [Fact]
    public async Task The_api_document_decodes_as_its_content_encoding_says_when_rendered_and_when_served_again()
    {
        for (var i = 0; i < 3; i++)
        {
            using var response = await GetAsync("/openapi/v1.json", "br");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var json = response.Content.Headers.ContentEncoding.Contains("br")
                ? Decompress(new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
                : bytes;
            using var document = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal("StretchLibrary API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/sheet")]
    public async Task A_signed_in_users_page_is_compressed_when_rendered_and_when_served_from_memory(string page)
    {
        var (visitor, _) = await SignedUpAsync("ana@example.com");
        var url = $"/routines/{visitor.RoutineId}{page}";
        visitor.Http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        using var first = await visitor.Http.GetAsync(url);
        using var second = await visitor.Http.GetAsync(url);

        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"));
        foreach (var response in new[] { first, second })
        {
            Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
            var html = System.Text.Encoding.UTF8.GetString(Decompress(new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
            Assert.Contains("Desk", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_signed_in_page_that_another_site_asked_for_is_sent_uncompressed()
    {
        var (visitor, jar) = await SignedUpAsync("ana@example.com");
        var cookies = Cookies(jar);
        var bare = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _factory.ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/routines/{visitor.RoutineId}");
        request.Headers.Add("Cookie", $"{AuthCookie}={cookies[AuthCookie]}");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await bare.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Desk", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_routine_page_with_a_year_of_sessions_is_at_most_15_KB_transferred()
    {
        var (visitor, _) = await SignedUpAsync("ana@example.com");
        var id = visitor.RoutineId;
        await visitor.AddAsync("seated-cervical-rotation", routineId: id);
        await visitor.AddAsync("thoracic-rotation-stretch", routineId: id);
        var today = DateOnly.FromDateTime(_factory.Clock.GetUtcNow().UtcDateTime);
        await _factory.WithDbAsync(async db =>
        {
            var owner = await db.Routines.Where(r => r.Id == id).Select(r => r.OwnerId).SingleAsync();
            db.Completions.AddRange(Enumerable.Range(0, 365).Select(i => new StretchLibrary.Web.Routines.Sessions.Completion
            {
                RoutineId = id,
                OwnerId = owner,
                LocalDate = today.AddDays(-i),
                CompletedAtUtc = _factory.Clock.GetUtcNow().AddDays(-i),
                StretchSlugs = ["chin-tucks", "seated-cervical-rotation", "thoracic-rotation-stretch"],
                PainBefore = (i % 7) + 2,
                PainAfter = (i % 4) + 1,
                Note = i % 5 == 0 ? "Stiff after the drive." : null,
            }));
            return await db.SaveChangesAsync();
        });
        visitor.Http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br, gzip");

        using var response = await visitor.Http.GetAsync($"/routines/{id}");
        var transferred = (await response.Content.ReadAsByteArrayAsync()).Length;

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var html = System.Text.Encoding.UTF8.GetString(Decompress(new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)));
        Assert.Contains("data-stat=\"total\">365<", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("class=\"routine-item\"").Length - 1);
        Assert.True(transferred <= 15 * 1024, $"{transferred} bytes transferred ({html.Length} characters of HTML)");
    }

    /// <summary>The first of up to 20 requests that the page cache answers (the last one when none does).</summary>
    private async Task<HttpResponseMessage> CachedAsync(string path, string acceptEncoding)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await GetAsync(path, acceptEncoding);
            if (response.Headers.Contains("Age") || attempt == 20)
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await _factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static byte[] Decompress(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }

    private async Task<(RoutineClient Client, CookieContainer Jar)> SignedUpAsync(string email)
    {
        var (client, jar) = Browser();
        var visitor = new RoutineClient(client);
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        var id = visitor.RoutineId;
        await visitor.RegisterAsync(email, Password);
        // A page that is never cached, so RoutineId still reads the routine's id from it.
        await visitor.GetAsync($"/routines/{id}/history");
        return (visitor, jar);
    }

    private (HttpClient Client, CookieContainer Jar) Browser()
    {
        var jar = new CookieContainer();
        return (_factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(jar)), jar);
    }

    private Dictionary<string, string> Cookies(CookieContainer jar) =>
        jar.GetCookies(_factory.ClientOptions.BaseAddress).ToDictionary(c => c.Name, c => c.Value);

    private Task<HttpResponseMessage> SendAsync(string path, params (string Name, string Value)[] cookies) => SendAsync(path, host: null, cookies);

    private async Task<HttpResponseMessage> SendAsync(string path, string? host, params (string Name, string Value)[] cookies)
    {
        var bare = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _factory.ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await bare.SendAsync(request);
    }
}
