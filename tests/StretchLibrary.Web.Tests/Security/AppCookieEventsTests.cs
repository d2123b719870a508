using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>
/// The sign-in cookie's hooks, run through the app's real cookie handler, and what signing in and out means for the
/// user's cached pages.
/// </summary>
public sealed class AppCookieEventsTests : IDisposable
{
    private const string Password = "plum tractor orbit";

    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private PageCache Cache => _factory.Services.GetRequiredService<PageCache>();

    [Fact]
    public async Task Signing_out_forgets_the_users_cached_pages()
    {
        var (visitor, userId, url) = await CachedRoutinePageAsync("ana@example.com");

        await visitor.GetAsync("/account");
        await visitor.SubmitAsync("form#sign-out");

        // Signing out gives the account a new security stamp: a change to the user's row, which forgets them.
        Assert.False(Cache.Current.Users.ContainsKey(userId));
        await visitor.LoginAsync("ana@example.com", Password);
        using var next = await visitor.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(next.Headers.Contains("Age"));
    }

    [Fact]
    public async Task Signing_in_again_is_never_answered_with_a_page_cached_before()
    {
        var (visitor, _, url) = await CachedRoutinePageAsync("ana@example.com");

        await visitor.LoginAsync("ana@example.com", Password);

        // A new antiforgery cookie comes with the sign-in, and a user's pages are kept per antiforgery cookie.
        using var next = await visitor.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(next.Headers.Contains("Age"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Signing_in_or_out_deletes_the_antiforgery_cookie(bool signIn)
    {
        var (_, userId, _) = await CachedRoutinePageAsync("ana@example.com");

        await using var scope = _factory.Services.CreateAsyncScope();
        var context = RequestIn(scope);
        var principal = await PrincipalOfAsync(scope, userId);
        context.User = principal;
        await (signIn ? context.SignInAsync(IdentityConstants.ApplicationScheme, principal) : context.SignOutAsync(IdentityConstants.ApplicationScheme));

        var setCookies = context.Response.Headers.SetCookie.ToArray();
        Assert.Contains(setCookies, c => c!.StartsWith("__Host-stretchlibrary.af=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_hook_of_the_sign_in_cookie_is_in_one_class()
    {
        var options = _factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(typeof(AppCookieEvents), options.EventsType);
    }

    [Fact]
    public void The_sign_in_cookie_is_configured_in_one_place()
    {
        var fromTheApp = _factory.Services.GetServices<IConfigureOptions<CookieAuthenticationOptions>>()
            .OfType<ConfigureNamedOptions<CookieAuthenticationOptions>>()
            .Where(c => c.Name == IdentityConstants.ApplicationScheme && c.Action?.Method.DeclaringType?.Assembly == typeof(AppCookies).Assembly)
            .ToList();
        var options = _factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Single(fromTheApp);
        Assert.Equal(("__Host-stretchlibrary.auth", CookieSecurePolicy.Always, true, SameSiteMode.Lax, "/"), (options.Cookie.Name, options.Cookie.SecurePolicy, options.Cookie.HttpOnly, options.Cookie.SameSite, options.Cookie.Path));
        Assert.Equal(("/account/login", "/account/logout", "/account/login"), (options.LoginPath.Value, options.LogoutPath.Value, options.AccessDeniedPath.Value));
        Assert.Equal((TimeSpan.FromDays(365), true), (options.ExpireTimeSpan, options.SlidingExpiration));
    }

    private static DefaultHttpContext RequestIn(AsyncServiceScope scope)
    {
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("localhost");
        return context;
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(AsyncServiceScope scope, string userId)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>();
        return await signIn.CreateUserPrincipalAsync((await users.FindByIdAsync(userId))!);
    }

    /// <summary>A registered user whose routine page is in the page cache (its second visit answered from memory).</summary>
    private async Task<(RoutineClient Visitor, string UserId, string Url)> CachedRoutinePageAsync(string email)
    {
        var visitor = new RoutineClient(_factory.CreateDefaultClient(_factory.ClientOptions.BaseAddress, new RedirectHandler(), new CookieContainerHandler()));
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        var id = visitor.RoutineId;
        await visitor.RegisterAsync(email, Password);
        var url = $"/routines/{id}";
        await visitor.GetAsync(url);
        using var cached = await visitor.Http.GetAsync(url);
        Assert.True(cached.Headers.Contains("Age"));
        var userId = await _factory.WithDbAsync(db => db.Users.Where(u => u.UserName == email).Select(u => u.Id).SingleAsync());
        Assert.True(Cache.Current.Users.ContainsKey(userId));
        return (visitor, userId, url);
    }
}
