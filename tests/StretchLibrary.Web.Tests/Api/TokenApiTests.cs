using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;

namespace StretchLibrary.Web.Tests.Api;

public sealed class TokenApiTests
{
    private static readonly string[] ReadOnly = [ApiTokens.RoutinesRead];
    private static readonly string[] WriteOnly = [ApiTokens.SessionsWrite];
    private static readonly string[] Both = [ApiTokens.RoutinesRead, ApiTokens.SessionsWrite];
    private static readonly string[] ChinTucks = ["chin-tucks"];
    private static readonly string[] NotInRoutine = ["not-in-routine"];
    private static readonly string[] ErrorFields = ["date", "note", "painAfter", "stretches"];

    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Token_reads_own_routines_logs_a_session_and_sees_progress_without_cookies()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("reader@example.com");
        var client = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Reminder app", Both));

        using var list = await client.GetAsync("/api/v1/me/routines");
        Assert.Contains(routineId, JsonDocument.Parse(await list.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        using var posted = await client.PostAsJsonAsync($"/api/v1/me/routines/{routineId}/sessions", new { date = Today, stretches = ChinTucks, painBefore = 3, note = "desk" });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        using var routine = await client.GetAsync($"/api/v1/me/routines/{routineId}");
        var body = JsonDocument.Parse(await routine.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
        Assert.Equal(1, body.GetProperty("progress").GetProperty("thisWeek").GetInt32());
        Assert.Equal(1, body.GetProperty("progress").GetProperty("currentStreak").GetInt32());
        using var sessions = await client.GetAsync($"/api/v1/me/routines/{routineId}/sessions");
        Assert.Equal("desk", JsonDocument.Parse(await sessions.Content.ReadAsStringAsync()).RootElement.GetProperty("items")[0].GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_new_token_page_offers_a_copy_button_and_an_example_request_that_works_as_written()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("example@example.com");
        var token = await ApiApp.CreateTokenAsync(user, "Script", ReadOnly);
        var page = user.Page!;

        Assert.Equal("new-token", page.QuerySelector("button.js-copy")!.GetAttribute("data-copy-target"));
        var example = page.QuerySelector("pre.token-example code")!.TextContent;
        var parts = System.Text.RegularExpressions.Regex.Match(example, "^curl -H \"Authorization: Bearer (\\S+)\" (https://localhost(/\\S+))$");
        Assert.True(parts.Success, example);
        Assert.Equal(token, parts.Groups[1].Value);
        var client = await app.ApiClientAsync(parts.Groups[1].Value);
        using var response = await client.GetAsync(parts.Groups[3].Value);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(routineId, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task A_token_that_may_only_log_sessions_gets_an_example_that_logs_one()
    {
        using var app = new ApiApp();
        var (user, _) = await app.UserWithRoutineAsync("writer-example@example.com");
        var token = await ApiApp.CreateTokenAsync(user, "Logger", WriteOnly);

        var example = user.Page!.QuerySelector("pre.token-example code")!.TextContent;

        Assert.StartsWith($"curl -X POST -H \"Authorization: Bearer {token}\"", example, StringComparison.Ordinal);
        Assert.EndsWith("https://localhost/api/v1/me/routines/ROUTINE_ID/sessions", example, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_dates_are_on_the_users_clock()
    {
        using var app = new ApiApp();
        app.Clock.Now = new DateTimeOffset(2026, 11, 18, 20, 30, 0, TimeSpan.Zero); // 09:30 on the 19th in Auckland
        var (user, _) = await app.UserWithRoutineAsync("kiwi@example.com");
        await user.GetAsync("/account");
        await user.SubmitAsync("form[action*='handler=TimeZone']", ("TimeZone", "Pacific/Auckland"));

        await ApiApp.CreateTokenAsync(user, "Kiwi app", ReadOnly);
        Assert.Contains("valid until 19 Dec 2026", user.Page!.QuerySelector("label[for=new-token]")!.TextContent, StringComparison.Ordinal);
        var account = await user.GetAsync("/account");

        Assert.Contains("expires 19 Dec 2026", account.QuerySelector("#tokens .token-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_scope_is_403_and_no_token_is_401()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("scopes@example.com");
        var reader = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Reader", ReadOnly));
        var writer = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Writer", WriteOnly));

        using var post = await reader.PostAsJsonAsync($"/api/v1/me/routines/{routineId}/sessions", new { date = Today, stretches = ChinTucks });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("insufficient_scope", post.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var get = await writer.GetAsync("/api/v1/me/routines");
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        using var anonymous = await (await app.ApiClientAsync()).GetAsync("/api/v1/me/routines");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task Revoked_token_is_401_at_once_and_expired_token_is_401()
    {
        using var app = new ApiApp();
        var (user, _) = await app.UserWithRoutineAsync("revoke@example.com");
        var client = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Soon revoked", ReadOnly));
        using (var ok = await client.GetAsync("/api/v1/me/routines"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        await user.GetAsync("/account");
        await user.SubmitAsync("#tokens form.inline-form");
        using (var revoked = await client.GetAsync("/api/v1/me/routines"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
            Assert.Contains("invalid_token", revoked.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        var expiring = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Thirty days", ReadOnly, days: 30));
        app.Clock.Now = app.Clock.Now.AddDays(30).AddSeconds(1);
        using var expired = await expiring.GetAsync("/api/v1/me/routines");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task Another_users_routine_is_404_for_every_operation()
    {
        using var app = new ApiApp();
        var (_, theirs) = await app.UserWithRoutineAsync("owner@example.com");
        var (intruder, _) = await app.UserWithRoutineAsync("intruder@example.com");
        var client = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(intruder, "Mine", Both));

        using var routine = await client.GetAsync($"/api/v1/me/routines/{theirs}");
        using var sessions = await client.GetAsync($"/api/v1/me/routines/{theirs}/sessions");
        using var post = await client.PostAsJsonAsync($"/api/v1/me/routines/{theirs}/sessions", new { date = Today, stretches = ChinTucks });
        Assert.All([routine, sessions, post], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(0, await app.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task Idempotent_retry_logs_one_row_and_the_key_cannot_log_another_routine()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("retry@example.com");
        await user.AddAsync("chin-tucks", newRoutine: "Evening");
        var other = user.RoutineId;
        var client = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Retrying app", WriteOnly));

        var ids = new List<long>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/routines/{routineId}/sessions") { Content = JsonContent.Create(new { date = Today, stretches = ChinTucks }) };
            request.Headers.Add("Idempotency-Key", "break-2026-11-27-1");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64());
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await app.WithDbAsync(db => db.Completions.CountAsync()));
        using var misuse = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/routines/{other}/sessions") { Content = JsonContent.Create(new { date = Today, stretches = ChinTucks }) };
        misuse.Headers.Add("Idempotency-Key", "break-2026-11-27-1");
        using var refused = await client.SendAsync(misuse);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task Invalid_session_is_a_validation_problem_with_the_forms_rules_and_logs_nothing()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("invalid@example.com");
        var client = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Sloppy app", WriteOnly));

        using var response = await client.PostAsJsonAsync($"/api/v1/me/routines/{routineId}/sessions",
            new { date = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stretches = NotInRoutine, painAfter = 11, note = "bad\u0007note" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Equal(ErrorFields, errors.EnumerateObject().Select(e => e.Name).Order());
        using var malformed = await client.PostAsync($"/api/v1/me/routines/{routineId}/sessions", new StringContent("{\"date\": \"yesterday\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task Token_is_shown_once_stored_only_as_a_hash_and_never_logged()
    {
        using var app = new ApiApp();
        var (user, routineId) = await app.UserWithRoutineAsync("secret@example.com");
        var token = await ApiApp.CreateTokenAsync(user, "Secret", Both);
        Assert.StartsWith(ApiTokens.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(47, token.Length);

        var account = await user.GetAsync("/account");
        Assert.DoesNotContain(token, account.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Secret", account.QuerySelector("#tokens")!.TextContent, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.ApiTokens.SingleAsync());
        Assert.Equal(ApiTokens.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token[ApiTokens.Prefix.Length..], stored.Name + stored.Scopes + stored.TokenHash, StringComparison.Ordinal);

        var client = await app.ApiClientAsync(token);
        using (await client.GetAsync("/api/v1/me/routines"))
        using (await client.PostAsJsonAsync($"/api/v1/me/routines/{routineId}/sessions", new { date = Today, stretches = NotInRoutine }))
        using (await (await app.ApiClientAsync(token[..^1] + "x")).GetAsync("/api/v1/me/routines"))
        {
        }

        Assert.NotEmpty(app.Logs);
        var secret = token[ApiTokens.Prefix.Length..^1];
        Assert.DoesNotContain(app.Logs, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(secret, StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains(secret, StringComparison.Ordinal))
            || e.Exception?.ToString().Contains(secret, StringComparison.Ordinal) == true);
        Assert.Contains(app.Logs, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("/api/v1/me/routines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_token_has_its_own_rate_limit_answered_429_with_retry_after()
    {
        using var app = new ApiApp();
        app.Settings["RateLimits:Api:PermitLimit"] = "3";
        var (user, _) = await app.UserWithRoutineAsync("busy@example.com");
        var busy = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Busy", ReadOnly));
        var calm = await app.ApiClientAsync(await ApiApp.CreateTokenAsync(user, "Calm", ReadOnly));

        for (var i = 0; i < 3; i++)
        {
            using var ok = await busy.GetAsync("/api/v1/me/routines");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await busy.GetAsync("/api/v1/me/routines");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter!.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        using var other = await calm.GetAsync("/api/v1/me/routines");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
