using System.Net;
using AngleSharp.Dom;
using StretchLibrary.Web.Tests.Pages.Routines;

namespace StretchLibrary.Web.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    private readonly LibraryFactory _factory = new()
    {
        Settings =
        {
            ["RateLimits:Login:PermitLimit"] = "3",
            ["RateLimits:Register:PermitLimit"] = "2",
            ["RateLimits:Guest:PermitLimit"] = "2",
            ["RateLimits:Share:PermitLimit"] = "3",
            ["RateLimits:Writes:PermitLimit"] = "6",
            ["RateLimits:Import:PermitLimit"] = "2",
        },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_Retry_After_and_a_friendly_page()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.GetAsync("/account/login");
        var form = visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])");
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await visitor.Http.SubmitAsync(form, ("Input.Email", "x@example.com"), ("Input.Password", "wrong password"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await visitor.Http.SubmitAsync(form, ("Input.Email", "x@example.com"), ("Input.Password", "wrong password"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("Please slow down", page.QuerySelector("h1")!.TextContent);
        Assert.Contains($"wait {retryAfter} second", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nosniff", SecurityHeadersTests.Single(refused, "X-Content-Type-Options"));
        // Reading pages is not limited.
        Assert.Equal(HttpStatusCode.OK, (await visitor.Http.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task Registrations_are_limited_per_client()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var visitor = new RoutineClient(_factory.CreateClient());
            await visitor.GetAsync("/account/register");
            using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])"), ("Input.Email", $"r{i}@example.com"), ("Input.Password", "short"), ("Input.ConfirmPassword", "short"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Guest_accounts_created_from_one_address_are_limited()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var visitor = new RoutineClient(_factory.CreateClient());
            await visitor.GetAsync("/routines/add/chin-tucks");
            using var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form[method=post]:not([data-dismiss-banner])"), ("NewName", $"Routine {i}"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, await _factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users)));
    }

    [Fact]
    public async Task Imports_have_their_own_lower_limit_and_other_writes_go_on()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Mine");
        var routineId = visitor.RoutineId;

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            await visitor.GetAsync("/account/import");
            using var content = new MultipartFormDataContent
            {
                { new StringContent(visitor.Page!.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("form.import-form input[name=__RequestVerificationToken]")!.Value), "__RequestVerificationToken" },
                { new ByteArrayContent("""{"format":"stretchlibrary-export","version":1,"routines":[]}"""u8.ToArray()), "Upload", "export.json" },
            };
            using var response = await visitor.Http.PostAsync("/account/import", content);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        await visitor.GetAsync($"/routines/{routineId}");
        await visitor.SubmitAsync("form[action$='handler=Target']", ("WeeklyTarget", 3));
        Assert.Contains("3 times a week", visitor.Page!.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_are_counted_per_user()
    {
        var busy = new RoutineClient(_factory.CreateClient());
        await busy.AddAsync("chin-tucks", newRoutine: "Busy");
        var quiet = new RoutineClient(_factory.CreateClient());
        await quiet.AddAsync("prone-w", newRoutine: "Quiet");
        await busy.GetAsync($"/routines/{busy.RoutineId}");
        var form = busy.Page!.Form("form[action$='handler=Target']");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var response = await busy.Http.SubmitAsync(form, ("WeeklyTarget", 3));
            statuses.Add(response.StatusCode);
        }

        // The guest's first save counted against its address (before it had an account); these count against the user.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.TooManyRequests], statuses);
        await quiet.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal("1", quiet.Stat("total"));
    }

    [Fact]
    public async Task Share_links_are_limited_by_path_prefix()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync($"/s/token{i}");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses[..^1]);
    }
}
