using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

public sealed class SessionTests : IDisposable
{
    private const string Password = "correct horse battery";
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Signing_in_issues_a_new_auth_cookie_and_a_new_antiforgery_cookie()
    {
        await new RoutineClient(_factory.CreateClient()).RegisterAsync("sam@example.com", Password);
        var (client, jar) = Browser();
        var visitor = new RoutineClient(client);
        await visitor.AddAsync("chin-tucks", newRoutine: "As a guest");
        await visitor.GetAsync("/account/login");
        var before = Cookies(jar);
        var staleForm = visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])");

        await visitor.LoginAsync("sam@example.com", Password);
        var after = Cookies(jar);

        Assert.NotEqual(before["__Host-stretchlibrary.auth"], after["__Host-stretchlibrary.auth"]);
        Assert.NotEqual(before["__Host-stretchlibrary.af"], after["__Host-stretchlibrary.af"]);
        // A form rendered before signing in carries a token for the old session: it is refused now.
        using var replay = await client.SubmitAsync(staleForm, ("Input.Email", "sam@example.com"), ("Input.Password", Password));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Fact]
    public async Task After_signing_out_a_copy_of_the_old_auth_cookie_gets_no_access()
    {
        var (client, jar) = Browser();
        var visitor = new RoutineClient(client);
        await visitor.RegisterAsync("kim@example.com", Password);
        var stolen = Cookies(jar)["__Host-stretchlibrary.auth"];
        Assert.Equal(HttpStatusCode.OK, await StatusWithCookieAsync(stolen, "/account"));

        await visitor.GetAsync("/account/logout");
        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        // The stamp is checked once the cookie is older than the validation interval (zero); the test clock stands still.
        _factory.Clock.Now += TimeSpan.FromSeconds(1);

        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(stolen, "/account"));
        // Treated as signed out: the routine's address explains how to sign in, and its pages answer 404.
        Assert.Equal(HttpStatusCode.Redirect, await StatusWithCookieAsync(stolen, "/routines/1"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusWithCookieAsync(stolen, "/routines/1/sheet"));
    }

    [Fact]
    public async Task A_guest_stays_a_guest_across_requests_while_the_stamp_is_checked()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        _factory.Clock.Now += TimeSpan.FromSeconds(5);

        var page = await visitor.GetAsync("/routines");

        Assert.NotNull(page.QuerySelector(".guest-banner"));
        Assert.Equal("Desk", page.QuerySelector(".routine-list a")!.TextContent);
    }

    /// <summary>A client like <c>CreateClient()</c> (redirects, cookies) whose cookie jar the test can read.</summary>
    private (HttpClient Client, CookieContainer Jar) Browser()
    {
        var jar = new CookieContainer();
        return (_factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler(jar)), jar);
    }

    private Dictionary<string, string> Cookies(CookieContainer jar) =>
        jar.GetCookies(_factory.ClientOptions.BaseAddress).ToDictionary(c => c.Name, c => c.Value);

    private async Task<HttpStatusCode> StatusWithCookieAsync(string authCookie, string path)
    {
        var bare = _factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = _factory.ClientOptions.BaseAddress, HandleCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"__Host-stretchlibrary.auth={authCookie}");
        using var response = await bare.SendAsync(request);
        return response.StatusCode;
    }
}
