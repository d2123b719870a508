using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

/// <summary>Every handler that reads or changes routines and completions, tried on someone else's ids.</summary>
public sealed class AccessControlTests : IAsyncLifetime, IDisposable
{
    private readonly LibraryFactory _factory = new();
    private int _routineId;
    private int _itemId;
    private int _linkId;
    private int _feedId;

    public static TheoryData<string, string> Handlers => new()
    {
        { "GET", "/routines/{id}" },
        { "GET", "/routines/{id}/items/{item}" },
        { "GET", "/routines/{id}/done" },
        { "GET", "/routines/{id}/history" },
        { "GET", "/routines/{id}/delete" },
        { "GET", "/routines/{id}/reminder" },
        { "GET", "/routines/{id}/reminder?days=Monday&time=08:00" },
        { "GET", "/routines/{id}/sheet" },
        { "GET", "/routines/{id}/open" },
        { "GET", "/routines/{id}/share" },
        { "GET", "/routines/{id}/reminder.ics" },
        { "GET", "/routines/{id}/calendar" },
        { "POST", "/routines/{id}/reminder" },
        { "POST", "/routines/{id}/calendar" },
        { "POST", "/routines/{id}/calendar?handler=Revoke&feedId={feed}" },
        { "POST", "/routines/{id}?handler=Rename" },
        { "POST", "/routines/{id}?handler=Target" },
        { "POST", "/routines/{id}?handler=Duplicate" },
        { "POST", "/routines/{id}/items/{item}" },
        { "POST", "/routines/{id}/items/{item}/moveup" },
        { "POST", "/routines/{id}/items/{item}/movedown" },
        { "POST", "/routines/{id}/items/{item}/remove" },
        { "POST", "/routines/{id}/done" },
        { "POST", "/routines/{id}/done?handler=undo" },
        { "POST", "/routines/{id}/delete" },
        { "POST", "/routines/{id}/share" },
        { "POST", "/routines/{id}/share?handler=Revoke&linkId={link}" },
        { "POST", "/routines/{id}/sheet?handler=ShareLink" },
        { "POST", "/routines/add/chin-tucks" },
        { "POST", "/routines/{id}/pick?handler=add&slugs=chin-tucks" },
        { "POST", "/routines/{id}/pick?handler=remove&slug=prone-w" },
    };

    public async Task InitializeAsync()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("prone-w", newRoutine: "Owner's routine");
        await owner.AddAsync("thoracic-extension", routineId: owner.RoutineId);
        _routineId = owner.RoutineId;
        await owner.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        _itemId = await _factory.WithDbAsync(db => db.RoutineItems.Where(i => i.RoutineId == _routineId).OrderBy(i => i.Position).Select(i => i.Id).FirstAsync());
        await owner.GetAsync($"/routines/{_routineId}/share");
        await owner.SubmitAsync("form.create-link");
        _linkId = await _factory.WithDbAsync(db => db.ShareLinks.Select(l => l.Id).SingleAsync());
        await owner.GetAsync($"/routines/{_routineId}");
        await owner.SubmitAsync("form.subscribe-form");
        _feedId = await _factory.WithDbAsync(db => db.CalendarFeeds.Select(f => f.Id).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task Another_user_gets_404_and_nothing_changes(string method, string template)
    {
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("chin-tucks", newRoutine: "Mine");
        var before = await SnapshotAsync();

        using var response = await SendAsync(other, method, template);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public async Task An_anonymous_visitor_gets_404_and_nothing_changes(string method, string template)
    {
        var anonymous = new RoutineClient(_factory.CreateClient());
        await anonymous.GetAsync("/routines");
        var before = await SnapshotAsync();

        using var response = await SendAsync(anonymous, method, template);

        if (method == "GET" && template is "/routines/{id}" or "/routines/{id}/open")
        {
            // A routine's own address (a sheet's QR code, a reminder's link) explains how to sign in to open it,
            // the same for every id, and shows nothing of the routine.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal($"/routines/{_routineId}/open", response.RequestMessage!.RequestUri!.AbsolutePath);
            Assert.DoesNotContain("Owner", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    public static TheoryData<string, string> ItemHandlers => new()
    {
        { "GET", "/routines/{own}/items/{item}" },
        { "POST", "/routines/{own}/items/{item}" },
        { "POST", "/routines/{own}/items/{item}/moveup" },
        { "POST", "/routines/{own}/items/{item}/movedown" },
        { "POST", "/routines/{own}/items/{item}/remove" },
    };

    [Theory]
    [MemberData(nameof(ItemHandlers))]
    public async Task Someone_elses_item_under_your_own_routine_gets_404_and_nothing_changes(string method, string template)
    {
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("chin-tucks", newRoutine: "Mine");
        var before = await SnapshotAsync();

        using var response = await SendAsync(other, method, template.Replace("{own}", other.RoutineId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("GET", "/account")]
    [InlineData("GET", "/account/delete")]
    [InlineData("POST", "/account/delete")]
    [InlineData("POST", "/account?handler=TimeZone")]
    [InlineData("POST", "/account?handler=Password")]
    [InlineData("POST", "/account/confirm-email")]
    public async Task Account_pages_send_an_anonymous_visitor_to_sign_in_and_change_nothing(string method, string path)
    {
        var anonymous = new RoutineClient(_factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = _factory.ClientOptions.BaseAddress, AllowAutoRedirect = false }));
        await anonymous.GetAsync("/account/login");
        var before = await SnapshotAsync();
        var users = await _factory.WithDbAsync(db => db.Users.CountAsync());

        using var response = await SendAsync(anonymous, method, path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(users, await _factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.AddAsync("chin-tucks", newRoutine: "Mine");
        using var content = new FormUrlEncodedContent([new("Name", "Hijacked")]);

        using var response = await owner.Http.PostAsync($"/routines/{owner.RoutineId}?handler=Rename", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Mine", await _factory.WithDbAsync(db => db.Routines.Where(r => r.Id == owner.RoutineId).Select(r => r.Name).SingleAsync()));
    }

    private async Task<HttpResponseMessage> SendAsync(RoutineClient visitor, string method, string template)
    {
        var url = template.Replace("{id}", _routineId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{item}", _itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{link}", _linkId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{feed}", _feedId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        if (method == "GET")
        {
            return await visitor.Http.GetAsync(url);
        }

        // A valid token for this visitor, taken from a page they can see; the form values aim at the owner's data.
        var token = visitor.Page!.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Name"] = "Taken over",
            ["WeeklyTarget"] = "3",
            ["RoutineId"] = _routineId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Reps"] = "50",
            ["Input.Date"] = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Stretches"] = "prone-w",
            ["ExpiresInDays"] = "30",
            ["UseShareLink"] = "true",
            ["days"] = "Sunday",
            ["time"] = "06:00",
        });
        return await visitor.Http.PostAsync(url, content);
    }

    /// <summary>Every row of routines, items, completions, share links, reminders and calendar feeds as JSON: equal snapshots mean nothing changed.</summary>
    private Task<string> SnapshotAsync() => _factory.WithDbAsync(async db => JsonSerializer.Serialize(new
    {
        Routines = await db.Routines.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.OwnerId, r.Name, r.WeeklyTarget, r.UpdatedAt }).ToListAsync(),
        Items = await db.RoutineItems.AsNoTracking().OrderBy(i => i.Id).ToListAsync(),
        Completions = await db.Completions.AsNoTracking().OrderBy(c => c.Id).ToListAsync(),
        ShareLinks = await db.ShareLinks.AsNoTracking().OrderBy(l => l.Id).ToListAsync(),
        Reminders = await db.Reminders.AsNoTracking().OrderBy(r => r.RoutineId).ToListAsync(),
        CalendarFeeds = await db.CalendarFeeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync(),
    }));
}
