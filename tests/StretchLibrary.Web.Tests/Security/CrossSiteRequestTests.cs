using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>Unsafe requests a browser marks as coming from another site are refused, whatever token they carry.</summary>
public sealed class CrossSiteRequestTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public static TheoryData<string, string?> CrossSite => new()
    {
        { "Origin", "https://evil.example" },
        { "Origin", "null" },
        { "Origin", "http://localhost" },
        { "Sec-Fetch-Site", "cross-site" },
        { "Sec-Fetch-Site", "same-site" },
    };

    public static TheoryData<string, string?> SameSite => new()
    {
        { "Origin", "https://localhost" },
        { "Sec-Fetch-Site", "same-origin" },
        { "Sec-Fetch-Site", "none" },
        { "none", null },
    };

    [Theory]
    [MemberData(nameof(CrossSite))]
    public async Task A_cross_site_form_post_with_a_valid_token_gets_403_and_a_friendly_page_and_changes_nothing(string header, string? value)
    {
        var (visitor, raw) = await OwnerAsync();
        var form = visitor.Page!.Form("form[action*='handler=Rename']");

        using var request = RenameRequest(form, "Renamed from elsewhere");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("This came from another website", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("nosniff", SecurityHeadersTests.Single(response, "X-Content-Type-Options"));
        Assert.Equal("Mine", await _factory.WithDbAsync(db => db.Routines.Select(r => r.Name).SingleAsync()));
    }

    [Theory]
    [MemberData(nameof(SameSite))]
    public async Task A_same_origin_post_or_one_with_neither_header_is_accepted(string header, string? value)
    {
        var (visitor, raw) = await OwnerAsync();
        var form = visitor.Page!.Form("form[action*='handler=Rename']");

        using var request = RenameRequest(form, "Renamed here");
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        if (header == "Sec-Fetch-Site")
        {
            request.Headers.TryAddWithoutValidation("Origin", "https://localhost");
        }

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Renamed here", await _factory.WithDbAsync(db => db.Routines.Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task Reading_a_page_from_a_link_on_another_site_still_works()
    {
        var (visitor, raw) = await OwnerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/routines/{visitor.RoutineId}");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await raw.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_bearer_token_request_without_cookies_is_left_to_its_endpoint()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/routines") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        request.Headers.TryAddWithoutValidation("Origin", "https://app.example");
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");

        using var response = await _factory.CreateClient().SendAsync(request);
        using var withCookie = new HttpRequestMessage(HttpMethod.Post, "/api/v1/routines") { Content = new StringContent("{}") };
        withCookie.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        withCookie.Headers.TryAddWithoutValidation("Cookie", "a=b");
        withCookie.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        using var refused = await _factory.CreateClient().SendAsync(withCookie);

        // No API exists yet: routing answers (404 or 405), not the cross-site check.
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True((int)response.StatusCode is 404 or 405, $"answered {(int)response.StatusCode}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<(RoutineClient Visitor, HttpClient Raw)> OwnerAsync()
    {
        var jar = new CookieContainer();
        var address = _factory.ClientOptions.BaseAddress;
        var visitor = new RoutineClient(_factory.CreateDefaultClient(address, new RedirectHandler(), new CookieContainerHandler(jar)));
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");
        return (visitor, _factory.CreateDefaultClient(address, new CookieContainerHandler(jar)));
    }

    private static HttpRequestMessage RenameRequest(AngleSharp.Html.Dom.IHtmlFormElement form, string name)
    {
        var token = form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var action = new Uri(new Uri(form.Owner!.Url), form.GetAttribute("action") ?? "");
        return new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Name", name)]),
        };
    }
}
