using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Tests.Api;

namespace StretchLibrary.Web.Tests.Security;

/// <summary>
/// Failed Bearer attempts are counted per client address (<c>RateLimits:ApiAuthFailures</c>): many different wrong
/// tokens from one address are refused with 429 before any lookup, while other addresses are unaffected.
/// </summary>
public sealed class ApiAuthFailureTests : IDisposable
{
    private static readonly string[] ReadOnly = [ApiTokens.RoutinesRead];

    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress Other = IPAddress.Parse("198.51.100.9");

    private readonly ApiApp _app = new()
    {
        Settings = { ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" },
    };

    public void Dispose() => _app.Dispose();

    /// <summary>A well-formed token nobody has: each one new, so the per-token limit never sees a repeat.</summary>
    private static string WrongToken() => ApiTokens.NewToken();

    /// <summary>A GET of the caller's routines from <paramref name="address"/>, as it reaches the app.</summary>
    public static async Task<HttpContext> GetRoutinesAsync(TestServer server, IPAddress address, string token) =>
        await server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "https";
            context.Request.Host = new HostString("localhost");
            context.Request.Path = "/api/v1/me/routines";
            context.Request.Headers.Authorization = "Bearer " + token;
            context.Connection.RemoteIpAddress = address;
        });

    private int TokenLookups() => _app.Logs.Count(e =>
        e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Database.Command", StringComparison.Ordinal)
        && e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("ApiTokens", StringComparison.Ordinal));

    [Fact]
    public async Task Different_wrong_tokens_from_one_address_get_429_without_a_lookup_and_other_addresses_still_work()
    {
        var (user, _) = await _app.UserWithRoutineAsync("owner@example.com");
        var token = await ApiApp.CreateTokenAsync(user, "Phone", ReadOnly);

        // The default: 20 failures a minute per address.
        var statuses = new List<int>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await GetRoutinesAsync(_app.Server, Attacker, WrongToken())).Response.StatusCode);
        }

        var lookups = TokenLookups();
        var refused = await GetRoutinesAsync(_app.Server, Attacker, WrongToken());
        var refusedGood = await GetRoutinesAsync(_app.Server, Attacker, token);

        Assert.All(statuses, s => Assert.Equal(StatusCodes.Status401Unauthorized, s));
        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.InRange(int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        // Even the right token waits, from that address; and neither request was looked up.
        Assert.Equal(StatusCodes.Status429TooManyRequests, refusedGood.Response.StatusCode);
        Assert.Equal(lookups, TokenLookups());
        Assert.True(lookups >= 20, $"Expected a lookup per wrong token before the limit, saw {lookups}.");

        // Another address is not held back: its right token works, its wrong one is a plain 401.
        Assert.Equal(StatusCodes.Status200OK, (await GetRoutinesAsync(_app.Server, Other, token)).Response.StatusCode);
        Assert.Equal(StatusCodes.Status401Unauthorized, (await GetRoutinesAsync(_app.Server, Other, WrongToken())).Response.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_a_setting_and_its_window_ends()
    {
        using var app = new ApiApp
        {
            Settings = { ["RateLimits:ApiAuthFailures:PermitLimit"] = "3", ["RateLimits:ApiAuthFailures:WindowSeconds"] = "600" },
        };
        await app.ApiClientAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await GetRoutinesAsync(app.Server, Attacker, WrongToken())).Response.StatusCode);
        }

        var retryAfter = (await GetRoutinesAsync(app.Server, Attacker, WrongToken())).Response.Headers.RetryAfter.ToString();
        app.Clock.Now += TimeSpan.FromSeconds(600);
        var afterWindow = (await GetRoutinesAsync(app.Server, Attacker, WrongToken())).Response.StatusCode;

        Assert.Equal([401, 401, 401, 429], statuses);
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal(StatusCodes.Status401Unauthorized, afterWindow);
    }

    [Fact]
    public async Task A_refused_attempt_is_a_problem_document_with_retry_after()
    {
        using var app = new ApiApp { Settings = { ["RateLimits:ApiAuthFailures:PermitLimit"] = "1" } };
        var client = await app.ApiClientAsync(WrongToken());
        using var first = await client.GetAsync("/api/v1/me/routines");
        client.DefaultRequestHeaders.Authorization = new("Bearer", WrongToken());

        using var refused = await client.GetAsync("/api/v1/me/routines");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
