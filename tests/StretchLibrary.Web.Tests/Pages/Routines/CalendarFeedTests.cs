using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class CalendarFeedTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);

    private readonly LibraryFactory _factory = new();

    public CalendarFeedTests() => _factory.Clock.Now = Now;

    public void Dispose() => _factory.Dispose();

    /// <summary>A visitor in Berlin with a routine, subscribed to it; returns the feed's https address.</summary>
    private async Task<(RoutineClient Owner, string FeedUrl)> SubscribedAsync()
    {
        var owner = new RoutineClient(_factory.CreateClient());
        await owner.GetAsync("/routines/add/chin-tucks");
        await owner.SubmitAsync("form[method=post]", ("RoutineId", 0), ("NewName", "Desk break"), ("Tz", "Europe/Berlin"));
        var page = await owner.SubmitAsync("form.subscribe-form");
        var url = ((IHtmlInputElement)page.QuerySelector("#feed-url")!).Value;
        return (owner, url);
    }

    private async Task<(HttpStatusCode Status, string Text)> ReadFeedAsync(string url)
    {
        // A calendar app: no cookies of the owner's.
        using var calendarApp = _factory.CreateClient(new() { HandleCookies = false });
        using var response = await calendarApp.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task SaveAsync(RoutineClient owner, string[] days, string time)
    {
        await owner.GetAsync($"/routines/{owner.RoutineId}/reminder");
        using var response = await owner.Http.SubmitAsync(owner.Page!.Form("form.reminder-form"), ("days", days), ("time", time));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_feed_parses_keeps_its_uid_across_edits_and_raises_the_sequence()
    {
        var (owner, url) = await SubscribedAsync();

        var (status, before) = await ReadFeedAsync(url);
        await SaveAsync(owner, ["Monday", "Thursday"], "17:30");
        await owner.GetAsync($"/routines/{owner.RoutineId}");
        await owner.SubmitAsync("form[action*=handler\\=Rename]", ("Name", "Evening unwind"));
        var (_, after) = await ReadFeedAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        var first = Assert.Single(Ical.Net.Calendar.Load(before)!.Events);
        var second = Assert.Single(Ical.Net.Calendar.Load(after)!.Events);
        Assert.Equal(first.Uid, second.Uid);
        Assert.True(second.Sequence > first.Sequence, $"SEQUENCE {first.Sequence} -> {second.Sequence}");
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], first.RecurrenceRule!.ByDay.Select(d => d.DayOfWeek));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Thursday], second.RecurrenceRule!.ByDay.Select(d => d.DayOfWeek));
        Assert.Equal(new TimeOnly(17, 30), second.Start!.Time);
        Assert.Equal("Europe/Berlin", second.Start.TzId);
        Assert.Equal("Evening unwind", second.Summary);
    }

    [Fact]
    public async Task The_feed_names_its_calendar_and_the_downloaded_file_does_not()
    {
        var (owner, url) = await SubscribedAsync();

        var (_, feed) = await ReadFeedAsync(url);
        using var file = await owner.Http.GetAsync($"/routines/{owner.RoutineId}/reminder.ics");
        var downloaded = await file.Content.ReadAsStringAsync();

        var calendar = Ical.Net.Calendar.Load(feed)!;
        Assert.Equal("StretchLibrary: Desk break", calendar.Properties["X-WR-CALNAME"]?.Value);
        Assert.Equal("StretchLibrary: Desk break", calendar.Properties["NAME"]?.Value);
        Assert.DoesNotContain("CALNAME", downloaded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_offers_a_second_link_only_as_a_replacement_and_the_new_link_has_a_copy_button()
    {
        var (owner, _) = await SubscribedAsync();
        var made = owner.Page!;

        Assert.Equal("feed-url", made.QuerySelector("button.js-copy")!.GetAttribute("data-copy-target"));
        Assert.DoesNotContain(made.QuerySelectorAll("button"), b => b.TextContent.Contains("link", StringComparison.Ordinal) && b.TextContent.StartsWith("Make", StringComparison.Ordinal));

        var later = await owner.GetAsync($"/routines/{owner.RoutineId}/calendar");

        Assert.Equal("Lost your link?", later.QuerySelector("#make-heading")!.TextContent);
        Assert.Equal(["Make another link"], later.QuerySelectorAll("button").Select(b => b.TextContent).Where(t => t.StartsWith("Make", StringComparison.Ordinal)));
        Assert.Null(later.QuerySelector("#feed-url"));
    }

    [Fact]
    public async Task The_links_are_webcal_and_https_and_only_a_hash_of_the_token_is_stored()
    {
        var (owner, url) = await SubscribedAsync();

        var webcal = owner.Page!.QuerySelectorAll("a").Single(a => a.TextContent == "Subscribe in your calendar").GetAttribute("href")!;

        Assert.StartsWith("https://localhost/calendar/", url, StringComparison.Ordinal);
        Assert.Equal("webcal://" + url["https://".Length..], webcal);
        var token = url["https://localhost/calendar/".Length..^".ics".Length];
        Assert.Equal(22, token.Length);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        var stored = await _factory.WithDbAsync(db => db.CalendarFeeds.SingleAsync());
        Assert.Equal(hash, stored.TokenHash);
        var again = await owner.GetAsync($"/routines/{owner.RoutineId}/calendar");
        Assert.DoesNotContain(token, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_feeds_date_is_on_the_owners_clock()
    {
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 18, 23, 30, 0, TimeSpan.Zero); // 00:30 on the 19th in Berlin
        var (owner, _) = await SubscribedAsync();

        var page = await owner.GetAsync($"/routines/{owner.RoutineId}/calendar");

        Assert.Contains("Made 19 Nov 2026", page.QuerySelector("li.calendar-feed")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_feed_answers_404()
    {
        var (owner, url) = await SubscribedAsync();

        await owner.GetAsync($"/routines/{owner.RoutineId}/calendar");
        await owner.SubmitAsync("li.calendar-feed form");
        var (status, text) = await ReadFeedAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Empty(owner.Page!.QuerySelectorAll("li.calendar-feed"));
    }

    [Fact]
    public async Task A_wrong_token_answers_404()
    {
        await SubscribedAsync();

        var (status, _) = await ReadFeedAsync("/calendar/AAAAAAAAAAAAAAAAAAAAAA.ics");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Another_user_can_neither_see_nor_revoke_nor_make_the_owners_subscriptions()
    {
        var (owner, url) = await SubscribedAsync();
        var feedId = await _factory.WithDbAsync(db => db.CalendarFeeds.Select(f => f.Id).SingleAsync());
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("prone-w", newRoutine: "Mine");
        await other.SubmitAsync("form.subscribe-form");
        await other.GetAsync($"/routines/{other.RoutineId}/calendar");

        using var list = await other.Http.GetAsync($"/routines/{owner.RoutineId}/calendar");
        var revokeForm = other.Page!.Form("li.calendar-feed form");
        revokeForm.Action = $"/routines/{owner.RoutineId}/calendar?handler=Revoke&feedId={feedId}";
        using var revoke = await other.Http.SubmitAsync(revokeForm);
        var makeForm = other.Page!.Form("form.inline-form");
        makeForm.Action = $"/routines/{owner.RoutineId}/calendar";
        using var make = await other.Http.SubmitAsync(makeForm);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, make.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ReadFeedAsync(url)).Status);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.CalendarFeeds.CountAsync(f => f.RoutineId == owner.RoutineId && f.RevokedAt == null)));
    }

    [Fact]
    public async Task The_token_opens_only_its_feed()
    {
        var (owner, url) = await SubscribedAsync();
        var token = url[(url.LastIndexOf('/') + 1)..^".ics".Length];
        using var calendarApp = _factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        using var routine = await calendarApp.GetAsync($"/routines/{owner.RoutineId}?token={token}");
        using var share = await calendarApp.GetAsync($"/s/{token}");

        Assert.NotEqual(HttpStatusCode.OK, routine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, share.StatusCode);
    }
}
