using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Tests.Api;

namespace StretchLibrary.Web.Tests.Caching;

/// <summary>
/// Responses holding a secret or a person's data are sent <c>Cache-Control: no-store</c> (Platform/Caching/CacheHeaders.cs),
/// and no later hook (the offline-copies one writes <c>private, no-cache</c> on a user's pages) weakens it.
/// </summary>
public sealed class NoStoreTests : IDisposable
{
    private static readonly string[] Both = [ApiTokens.RoutinesRead, ApiTokens.SessionsWrite];
    private static readonly string[] ChinTucks = ["chin-tucks"];

    private readonly ApiApp _app = new();

    public void Dispose() => _app.Dispose();

    private static string CacheControl(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Control", out var values) ? string.Join(", ", values) : "(none)";

    [Fact]
    public async Task The_page_showing_a_new_access_token_is_no_store_after_the_offline_copies_hook()
    {
        var (user, _) = await _app.UserWithRoutineAsync("token-page@example.com");
        await user.GetAsync("/account");

        using var response = await user.Http.SubmitAsync(user.Page!.Form("form.token-form"), ("Input.Name", "Phone"), ("Input.Scopes", Both), ("Input.ExpiresInDays", 30));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await response.ReadDocumentAsync()).QuerySelector("#new-token"));
        // The offline-copies hook ran on this page (it says whose page it is) and left the stricter value alone.
        Assert.True(response.Headers.Contains(OfflineCopies.KeyHeader));
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task A_hook_that_runs_after_no_store_was_written_cannot_weaken_it()
    {
        using var host = await new HostBuilder().ConfigureWebHost(web => web.UseTestServer().Configure(app =>
        {
            app.Use((context, next) =>
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "someone")], "test"));
                context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new NoStoreAttribute()), "a token page"));
                return next(context);
            });
            // Registered before the no-store hook, the offline-copies hook runs after it (response hooks run last-in, first-out).
            app.UseOfflineCopies();
            app.UseNoStore();
            app.Run(context =>
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                return context.Response.WriteAsync("<p>slp_...</p>");
            });
        })).StartAsync();

        using var response = await host.GetTestClient().GetAsync("/");

        Assert.True(response.Headers.Contains(OfflineCopies.KeyHeader));
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task The_pages_showing_a_new_share_link_and_a_new_calendar_link_are_no_store()
    {
        var (user, routineId) = await _app.UserWithRoutineAsync("links@example.com");

        await user.GetAsync($"/routines/{routineId}/share");
        using var share = await user.Http.SubmitAsync(user.Page!.Form("form.create-link"));
        await user.GetAsync($"/routines/{routineId}/calendar");
        using var calendar = await user.Http.SubmitAsync(user.Page!.Form("form.inline-form"));

        Assert.NotNull((await share.ReadDocumentAsync()).QuerySelector("#share-url"));
        Assert.Equal("no-store", CacheControl(share));
        Assert.NotNull((await calendar.ReadDocumentAsync()).QuerySelector("#feed-url"));
        Assert.Equal("no-store", CacheControl(calendar));
    }

    [Theory]
    [InlineData("/account/export/json", "application/json")]
    [InlineData("/account/export/csv", "text/csv")]
    public async Task Exports_are_no_store(string url, string mediaType)
    {
        var (user, _) = await _app.UserWithRoutineAsync("export@example.com");

        using var response = await user.Http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task The_reminder_file_is_no_store()
    {
        var (user, routineId) = await _app.UserWithRoutineAsync("reminder@example.com");

        using var response = await user.Http.GetAsync($"/routines/{routineId}/reminder.ics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", CacheControl(response));
    }

    [Fact]
    public async Task Every_api_me_answer_is_no_store_errors_included()
    {
        var (user, routineId) = await _app.UserWithRoutineAsync("api-me@example.com");
        var client = await _app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Phone", Both));
        var anonymous = await _app.ApiClientAsync();

        using var list = await client.GetAsync("/api/v1/me/routines");
        using var routine = await client.GetAsync($"/api/v1/me/routines/{routineId}");
        using var posted = await client.PostAsJsonAsync($"/api/v1/me/routines/{routineId}/sessions", new { date = _app.Clock.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stretches = ChinTucks });
        using var sessions = await client.GetAsync($"/api/v1/me/routines/{routineId}/sessions");
        using var missing = await client.GetAsync("/api/v1/me/routines/999999");
        using var unauthorized = await anonymous.GetAsync("/api/v1/me/routines");

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.Unauthorized],
            [list.StatusCode, routine.StatusCode, posted.StatusCode, sessions.StatusCode, missing.StatusCode, unauthorized.StatusCode]);
        Assert.All([list, routine, posted, sessions, missing, unauthorized], r => Assert.Equal("no-store", CacheControl(r)));
        // The library beside it stays cacheable.
        using var library = await anonymous.GetAsync("/api/v1/guides");
        Assert.True(library.Headers.CacheControl!.Public);
    }
}
