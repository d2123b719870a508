using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Net.Http.Headers;

namespace StretchLibrary.Web.Tests.Security;

public sealed class CookieTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Over_HTTPS_the_cookies_are_host_prefixed_secure_http_only_and_same_site()
    {
        var cookies = await SaveAsGuestAsync(_factory, "https://localhost");

        var auth = cookies["__Host-stretchlibrary.auth"];
        var antiforgery = cookies["__Host-stretchlibrary.af"];
        var message = cookies["__Host-stretchlibrary.msg"];
        Assert.All([auth, antiforgery, message], cookie =>
        {
            Assert.True(cookie.Secure, $"{cookie.Name} is not Secure");
            Assert.True(cookie.HttpOnly, $"{cookie.Name} is not HttpOnly");
            Assert.Equal("/", cookie.Path.Value);
            Assert.Null(cookie.Domain.Value);
        });
        Assert.Equal(SameSiteMode.Lax, auth.SameSite);
        Assert.Equal(SameSiteMode.Strict, antiforgery.SameSite);
        Assert.Equal(SameSiteMode.Lax, message.SameSite);
    }

    [Fact]
    public async Task When_served_over_plain_HTTP_the_cookies_keep_plain_names_and_still_work()
    {
        using var factory = new LibraryFactory { Settings = { ["Security:HttpsOnly"] = "false" } };

        var cookies = await SaveAsGuestAsync(factory, "http://localhost");

        Assert.Equal(["stretchlibrary.af", "stretchlibrary.auth", "stretchlibrary.msg"], cookies.Keys.Order());
        Assert.All(cookies.Values, cookie => Assert.False(cookie.Secure));
        Assert.All(cookies.Values, cookie => Assert.True(cookie.HttpOnly));
        Assert.Equal(SameSiteMode.Lax, cookies["stretchlibrary.auth"].SameSite);
    }

    /// <summary>Every cookie set while a visitor opens "Add to routine" and saves (which creates a guest and signs it in).</summary>
    private static async Task<Dictionary<string, SetCookieHeaderValue>> SaveAsGuestAsync(LibraryFactory factory, string baseAddress)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        var cookies = new Dictionary<string, SetCookieHeaderValue>();
        using var page = await client.GetAsync("/routines/add/chin-tucks");
        Collect(page, cookies);

        using var saved = await client.SubmitAsync((await page.ReadDocumentAsync()).Form("form[method=post]:not([data-dismiss-banner])"), ("NewName", "Desk"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Collect(saved, cookies);
        return cookies;
    }

    private static void Collect(HttpResponseMessage response, Dictionary<string, SetCookieHeaderValue> into)
    {
        foreach (var cookie in SetCookieHeaderValue.ParseList(response.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : []))
        {
            into[cookie.Name.Value!] = cookie;
        }
    }
}
