using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Account;

public sealed class AccountTests : IDisposable
{
    private const string Password = "correct horse battery";
    private static readonly string[] ChinTucks = ["chin-tucks"];
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task Claiming_a_guest_account_keeps_its_routines_across_logout_and_login()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Desk");
        await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));

        var page = await visitor.RegisterAsync("sam@example.com", Password);
        Assert.Equal("My routines", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector(".guest-banner"));
        await visitor.GetAsync("/account/logout");
        await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");
        Assert.Empty((await visitor.GetAsync("/routines")).QuerySelectorAll(".routine-list li"));

        page = await visitor.LoginAsync("sam@example.com", Password);

        Assert.Equal("Desk", page.QuerySelector(".routine-list a")!.TextContent);
        Assert.Contains("done 1 time", page.QuerySelector(".routine-list .card-meta")!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_guest_who_registers_keeps_the_time_zone_their_browser_reported_and_an_account_with_its_own_keeps_that()
    {
        // A guest in Berlin registers; another in Berlin signs in to an account whose owner chose New York.
        var berliner = Visitor();
        await berliner.AddAsync("chin-tucks", newRoutine: "Desk");
        await berliner.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow), ("Input.Tz", "Europe/Berlin"));
        var owner = Visitor();
        await owner.RegisterAsync("ny@example.com", Password);
        await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "ny@example.com").ExecuteUpdateAsync(set => set.SetProperty(u => u.TimeZoneId, "America/New_York")));
        var traveller = Visitor();
        await traveller.AddAsync("prone-w", newRoutine: "Phone");
        await traveller.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow), ("Input.Tz", "Europe/Berlin"));

        await berliner.RegisterAsync("berlin@example.com", Password);
        await traveller.LoginAsync("ny@example.com", Password);

        Assert.Equal("Europe/Berlin", await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "berlin@example.com").Select(u => u.TimeZoneId).SingleAsync()));
        Assert.Equal("America/New_York", await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "ny@example.com").Select(u => u.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task Signing_in_from_a_guest_session_moves_the_guest_routines_into_the_account()
    {
        var first = Visitor();
        await first.RegisterAsync("kim@example.com", Password);
        var second = Visitor();
        await second.AddAsync("prone-w", newRoutine: "Made on the phone");

        var page = await second.LoginAsync("kim@example.com", Password);

        Assert.Equal(["Made on the phone"], page.QuerySelectorAll(".routine-list a").Select(a => a.TextContent));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.IsGuest)));
    }

    [Fact]
    public async Task Signing_in_from_a_guest_session_with_a_log_the_account_also_has_keeps_one_copy()
    {
        var clientId = Guid.NewGuid().ToString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var laptop = Visitor();
        await laptop.RegisterAsync("twice@example.com", Password);
        await laptop.AddAsync("chin-tucks", newRoutine: "On the laptop");
        await laptop.MarkDoneAsync(today, ("Input.ClientId", clientId));
        var phone = Visitor();
        await phone.AddAsync("chin-tucks", newRoutine: "On the phone");
        await phone.MarkDoneAsync(today, ("Input.ClientId", clientId));

        var page = await phone.LoginAsync("twice@example.com", Password);

        Assert.Equal(["On the laptop", "On the phone"], page.QuerySelectorAll(".routine-list a").Select(a => a.TextContent).Order());
        Assert.Equal((1, 0), await _factory.WithDbAsync(async db =>
            (await db.Completions.CountAsync(c => c.ClientId == clientId), await db.Users.CountAsync(u => u.IsGuest))));
    }

    [Fact]
    public async Task Signing_in_from_a_guest_session_keeps_the_guests_access_tokens_and_idempotency_keys()
    {
        var account = Visitor();
        await account.RegisterAsync("tokens@example.com", Password);
        var guest = Visitor();
        await guest.AddAsync("chin-tucks", newRoutine: "Phone routine");
        var routineId = guest.RoutineId;
        var token = ApiTokens.NewToken();
        await _factory.WithDbAsync(async db =>
        {
            var guestId = await db.Users.Where(u => u.IsGuest).Select(u => u.Id).SingleAsync();
            db.ApiTokens.Add(new ApiToken
            {
                OwnerId = guestId,
                Name = "Watch",
                TokenHash = ApiTokens.Hash(token),
                Scopes = $"{ApiTokens.RoutinesRead} {ApiTokens.SessionsWrite}",
                CreatedAt = _factory.Clock.Now,
                ExpiresAt = _factory.Clock.Now.AddDays(30),
            });
            return await db.SaveChangesAsync();
        });
        using var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var logged = await LogWithKeyAsync();

        await guest.LoginAsync("tokens@example.com", Password);

        Assert.Equal(logged, await LogWithKeyAsync());
        var routines = await api.GetFromJsonAsync<JsonElement>("/api/v1/me/routines");
        Assert.Contains("Phone routine", routines.ToString());
        var accountId = await _factory.WithDbAsync(db => db.Users.Where(u => u.Email == "tokens@example.com").Select(u => u.Id).SingleAsync());
        Assert.Equal((accountId, accountId, 1), await _factory.WithDbAsync(async db =>
            (await db.ApiTokens.Select(t => t.OwnerId).SingleAsync(), await db.Completions.Where(c => c.ClientId == "watch-session-1").Select(c => c.OwnerId).SingleAsync(), await db.Completions.CountAsync())));

        async Task<long> LogWithKeyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/me/routines/{routineId}/sessions")
            {
                Content = JsonContent.Create(new { date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stretches = ChinTucks }),
            };
            request.Headers.Add("Idempotency-Key", "watch-session-1");
            using var response = await api.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var visitor = Visitor();
        await visitor.RegisterAsync("lee@example.com", Password);
        var other = Visitor();

        var page = await other.LoginAsync("lee@example.com", "not the password");

        Assert.Contains("Email or password is wrong", page.QuerySelector(".validation-summary-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Short_password_and_mismatched_confirmation_are_shown_next_to_the_fields()
    {
        var visitor = Visitor();
        await visitor.GetAsync("/account/register");

        var page = await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.Email", "x@example.com"), ("Input.Password", "short"), ("Input.ConfirmPassword", "other"));

        Assert.StartsWith("Use at least 8 characters", page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("The two passwords don’t match.", page.QuerySelector("[data-valmsg-for='Input.ConfirmPassword']")!.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Changing_the_password_lets_you_sign_in_with_the_new_one_only()
    {
        var visitor = Visitor();
        await visitor.RegisterAsync("ana@example.com", Password);
        await visitor.GetAsync("/account");
        await visitor.SubmitAsync("form[action*='handler=Password']", ("Password.Current", Password), ("Password.New", "a brand new passphrase"));

        var wrong = await Visitor().LoginAsync("ana@example.com", Password);
        var right = await Visitor().LoginAsync("ana@example.com", "a brand new passphrase");

        Assert.NotNull(wrong.QuerySelector(".validation-summary-errors"));
        Assert.Equal("My routines", right.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Deleting_the_account_deletes_its_routines_and_history()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Gone soon");
        await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        await visitor.RegisterAsync("del@example.com", Password);
        await visitor.GetAsync("/account/delete");

        var page = await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])", ("Password", Password));

        Assert.Contains("deleted", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal((0, 0, 0, 0), await _factory.WithDbAsync(async db =>
            (await db.Users.CountAsync(), await db.Routines.CountAsync(), await db.RoutineItems.CountAsync(), await db.Completions.CountAsync())));
    }

    [Fact]
    public async Task Idle_guests_are_deleted_after_the_retention_period_and_active_ones_kept()
    {
        var idle = Visitor();
        await idle.AddAsync("chin-tucks", newRoutine: "Forgotten");
        _factory.Clock.Now += TimeSpan.FromDays(181);
        var active = Visitor();
        await active.AddAsync("prone-w", newRoutine: "Fresh");
        var cleanup = _factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Accounts.GuestCleanup>().Single();

        var deleted = await cleanup.RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(["Fresh"], await _factory.WithDbAsync(db => db.Routines.Select(r => r.Name).ToListAsync()));
    }
}
