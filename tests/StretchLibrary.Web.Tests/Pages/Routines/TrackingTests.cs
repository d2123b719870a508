using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class TrackingTests : IDisposable
{
    // A Wednesday, 10:00 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 18);

    private static readonly string[] ChinTuckAndStranger = ["chin-tucks", "not-in-routine"];
    private static readonly string[] RotationOnly = ["seated-cervical-rotation"];

    private readonly LibraryFactory _factory = new();

    public TrackingTests() => _factory.Clock.Now = Now;

    public void Dispose() => _factory.Dispose();

    private async Task<RoutineClient> WithRoutineAsync()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");
        await visitor.AddAsync("seated-cervical-rotation", routineId: visitor.RoutineId);
        await visitor.SubmitAsync("form[action*='handler=Target']", ("WeeklyTarget", 5));
        return visitor;
    }

    [Fact]
    public async Task Marking_done_today_and_yesterday_shows_two_times_and_a_two_day_streak()
    {
        var visitor = await WithRoutineAsync();

        await visitor.MarkDoneAsync(Today.AddDays(-1));
        var page = await visitor.MarkDoneAsync(Today);

        Assert.Equal("2", visitor.Stat("total"));
        Assert.Equal("2 of 5 this week", visitor.Stat("week"));
        Assert.Equal("2 days", visitor.Stat("streak"));
        Assert.Equal("today", visitor.Stat("last"));
        Assert.Contains("Marked done for today", page.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task The_form_defaults_to_local_today_with_every_stretch_ticked()
    {
        var visitor = await WithRoutineAsync();

        var form = visitor.Page!.Form("form.done-form");

        Assert.Equal("2026-11-18", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#done-date")!).Value);
        Assert.Equal("2026-11-18", form.QuerySelector("#done-date")!.GetAttribute("max"));
        var boxes = form.QuerySelectorAll("input[type=checkbox]").Cast<AngleSharp.Html.Dom.IHtmlInputElement>().ToArray();
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.True(box.IsChecked));
    }

    [Fact]
    public async Task Today_follows_the_time_zone_the_browser_reports()
    {
        _factory.Clock.Now = new DateTimeOffset(2026, 11, 18, 20, 30, 0, TimeSpan.Zero); // 09:30 on the 19th in Auckland
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.GetAsync("/routines/add/chin-tucks");
        await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("NewName", "Kiwi"), ("Tz", "Pacific/Auckland"));

        await visitor.MarkDoneAsync(new DateOnly(2026, 11, 19));

        Assert.Equal("1", visitor.Stat("total"));
        Assert.Equal("today", visitor.Stat("last"));
        Assert.Equal("Pacific/Auckland", await _factory.WithDbAsync(db => db.Users.Select(u => u.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task A_future_date_is_refused_and_nothing_is_stored()
    {
        var visitor = await WithRoutineAsync();

        var page = await visitor.MarkDoneAsync(Today.AddDays(1));

        Assert.Equal("That date is in the future. Choose today or an earlier day.", page.QuerySelector(".done-form .field-error")!.TextContent);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Theory]
    [InlineData("Input.PainBefore", "11", "Pain is rated from 0 (none) to 10 (worst).")]
    [InlineData("Input.PainAfter", "-1", "Pain is rated from 0 (none) to 10 (worst).")]
    [InlineData("Input.Stretches", null, "Tick at least one stretch you did.")]
    [InlineData("Input.Date", "not-a-date", "The value 'not-a-date' is not valid for Date.")]
    public async Task Bad_values_are_refused_with_a_message_and_nothing_is_stored(string field, string? value, string message)
    {
        var visitor = await WithRoutineAsync();
        await visitor.GetAsync($"/routines/{visitor.RoutineId}");

        var page = await visitor.SubmitAsync("form.done-form", (field, value));

        Assert.Contains(message, page.QuerySelectorAll(".field-error").Select(e => e.TextContent));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync()));
    }

    [Fact]
    public async Task Only_ticked_stretches_and_pain_are_recorded()
    {
        var visitor = await WithRoutineAsync();

        await visitor.MarkDoneAsync(Today, ("Input.Stretches", ChinTuckAndStranger), ("Input.PainBefore", 6), ("Input.PainAfter", 3), ("Input.Note", "Stiff morning"));

        var stored = await _factory.WithDbAsync(db => db.Completions.SingleAsync());
        Assert.Equal(["chin-tucks"], stored.StretchSlugs);
        Assert.Equal((6, 3, "Stiff morning", Today), (stored.PainBefore, stored.PainAfter, stored.Note, stored.LocalDate));
        Assert.Equal(Now, stored.CompletedAtUtc);
        Assert.NotNull(visitor.Page!.QuerySelector("figure.pain-trend"));
    }

    [Fact]
    public async Task Undo_removes_only_the_latest_entry()
    {
        var visitor = await WithRoutineAsync();
        await visitor.MarkDoneAsync(Today);
        await visitor.MarkDoneAsync(Today.AddDays(-3));

        var page = await visitor.SubmitAsync("form[action$='handler=undo']");

        Assert.Equal("1", visitor.Stat("total"));
        Assert.Contains("Removed the entry for Sun 15 Nov", page.QuerySelector(".flash")!.TextContent);
        Assert.Equal(Today, await _factory.WithDbAsync(db => db.Completions.Select(c => c.LocalDate).SingleAsync()));
    }

    [Fact]
    public async Task History_is_paged_twenty_at_a_time_newest_first()
    {
        var visitor = await WithRoutineAsync();
        var id = visitor.RoutineId;
        await _factory.WithDbAsync(async db =>
        {
            var owner = await db.Routines.Where(r => r.Id == id).Select(r => r.OwnerId).SingleAsync();
            db.Completions.AddRange(Enumerable.Range(0, 25).Select(i => new StretchLibrary.Web.Routines.Sessions.Completion
            {
                RoutineId = id,
                OwnerId = owner,
                LocalDate = Today.AddDays(-i),
                CompletedAtUtc = Now,
                StretchSlugs = ["chin-tucks"],
            }));
            return await db.SaveChangesAsync();
        });

        var first = await visitor.GetAsync($"/routines/{id}/history");
        var second = await visitor.GetAsync($"/routines/{id}/history?p=2");

        Assert.Equal(20, first.QuerySelectorAll("table.history tbody tr").Length);
        Assert.Equal("Wed 18 Nov 2026", first.QuerySelector("table.history tbody tr td")!.TextContent);
        Assert.Equal(5, second.QuerySelectorAll("table.history tbody tr").Length);
        Assert.Equal("Page 2 of 2", second.QuerySelector(".pager span")!.TextContent);
        Assert.Equal("25 days", (await visitor.GetAsync($"/routines/{id}")).QuerySelector("[data-stat=streak]")!.TextContent);
    }

    [Fact]
    public async Task A_stretch_page_tells_a_signed_in_user_how_often_they_did_it()
    {
        var visitor = await WithRoutineAsync();
        await visitor.MarkDoneAsync(Today);
        await visitor.MarkDoneAsync(Today.AddDays(-1), ("Input.Stretches", RotationOnly));

        var chin = await visitor.GetAsync("/stretches/chin-tucks");
        var anonymous = await _factory.CreateClient().GetDocumentAsync("/stretches/chin-tucks");

        Assert.Equal("You’ve done this 1 time.", chin.QuerySelector(".done-count")!.TextContent);
        Assert.Null(anonymous.QuerySelector(".done-count"));
    }

    [Fact]
    public async Task Heat_map_shows_the_last_twelve_weeks()
    {
        var visitor = await WithRoutineAsync();
        var page = await visitor.MarkDoneAsync(Today);

        Assert.NotNull(page.QuerySelector("figure.heatmap svg[role=img]"));
        Assert.Contains("1 of the last", page.QuerySelector("figure.heatmap figcaption")!.TextContent);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"1"), visitor.Stat("total"));
    }
    [Fact]
    public async Task Mark_done_racing_delete_routine_never_answers_500()
    {
        _factory.Clock.Now = DateTimeOffset.UtcNow;
        var visitor = new RoutineClient(_factory.CreateClient());
        var forms = new List<(AngleSharp.Html.Dom.IHtmlFormElement Done, AngleSharp.Html.Dom.IHtmlFormElement Delete)>();
        for (var i = 0; i < 15; i++)
        {
            await visitor.AddAsync("chin-tucks", newRoutine: $"Race {i}");
            var id = visitor.RoutineId;
            var done = (await visitor.GetAsync($"/routines/{id}")).Form("form.done-form");
            forms.Add((done, (await visitor.GetAsync($"/routines/{id}/delete")).Form("form[method=post]:not([data-dismiss-banner])")));
        }

        var statuses = await Task.WhenAll(forms.SelectMany(f => new[] { Send(f.Done), Send(f.Delete) }));

        Assert.All(statuses, status => Assert.True((int)status < 500, $"answered {(int)status}"));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Routines.CountAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Completions.CountAsync()));

        async Task<System.Net.HttpStatusCode> Send(AngleSharp.Html.Dom.IHtmlFormElement form)
        {
            await Task.Yield();
            using var response = await visitor.Http.SubmitAsync(form);
            return response.StatusCode;
        }
    }
}
