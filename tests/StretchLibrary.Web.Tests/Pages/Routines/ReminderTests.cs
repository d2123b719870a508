using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ical.Net.DataTypes;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class ReminderTests : IDisposable
{
    // A Wednesday, 10:00 UTC: 11:00 in Berlin.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] MondayAndWednesday = ["Monday", "Wednesday"];
    private static readonly string[] TuesdayAndSaturday = ["Tuesday", "Saturday"];
    private static readonly string[] Friday = ["Friday"];
    private static readonly string[] Sunday = ["Sunday"];
    private static readonly string[] EveningAndMorning = ["18:15", "07:45"];
    private static readonly string[] EightAndNoon = ["08:00", "12:00"];

    private readonly LibraryFactory _factory = new();

    public ReminderTests() => _factory.Clock.Now = Now;

    public void Dispose() => _factory.Dispose();

    /// <summary>A visitor in Berlin with a routine of two stretches, on the routine's page.</summary>
    private async Task<RoutineClient> WithRoutineAsync()
    {
        var visitor = new RoutineClient(_factory.CreateClient());
        await visitor.GetAsync("/routines/add/chin-tucks");
        await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("RoutineId", 0), ("NewName", "Desk break"), ("Tz", "Europe/Berlin"));
        await visitor.AddAsync("prone-w", routineId: visitor.RoutineId);
        return visitor;
    }

    private static async Task<(HttpResponseMessage Response, string Text)> DownloadAsync(RoutineClient visitor, params (string Name, object? Value)[] values)
    {
        await visitor.GetAsync($"/routines/{visitor.RoutineId}");
        var response = await visitor.Http.SubmitAsync(visitor.Page!.Form("form.reminder-form"), values);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Downloading_twice_gives_one_weekly_event_with_the_same_uid_at_the_chosen_local_time()
    {
        var visitor = await WithRoutineAsync();

        var (first, firstText) = await DownloadAsync(visitor, ("days", MondayAndWednesday), ("time", "07:30"));
        _factory.Clock.Now = Now.AddHours(1);
        var (second, secondText) = await DownloadAsync(visitor, ("days", MondayAndWednesday), ("time", "07:30"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", first.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", first.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("desk-break-reminder.ics", first.Content.Headers.ContentDisposition.FileName);
        var calendars = new[] { firstText, secondText }.Select(text => Ical.Net.Calendar.Load(text)!).ToArray();
        var events = calendars.Select(c => Assert.Single(c.Events)).ToArray();
        Assert.Equal(events[0].Uid, events[1].Uid);
        Assert.Matches(@"^routine-\d+-[0-9a-f]+@stretchlibrary$", events[0].Uid);
        Assert.NotEqual(events[0].DtStamp, events[1].DtStamp);
        Assert.All(calendars, c => Assert.Equal("2.0", c.Version));
        Assert.Contains("\r\nVERSION:2.0\r\n", firstText, StringComparison.Ordinal);
        Assert.Contains("\r\nPRODID:", firstText, StringComparison.Ordinal);

        var reminder = events[0];
        Assert.Equal(Ical.Net.FrequencyType.Weekly, reminder.RecurrenceRule!.Frequency);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], reminder.RecurrenceRule.ByDay.Select(d => d.DayOfWeek).Order());
        Assert.Contains("\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE\r\n", firstText, StringComparison.Ordinal);
        // 07:30 on Wednesday has passed in Berlin (11:00), so the first one is next Monday.
        Assert.Equal("Europe/Berlin", reminder.Start!.TzId);
        Assert.Equal(new DateOnly(2026, 11, 23), reminder.Start.Date);
        Assert.Equal(new TimeOnly(7, 30), reminder.Start.Time);
        Assert.Equal("Europe/Berlin", Assert.Single(calendars[0].TimeZones).TzId);
        Assert.Equal(Duration.FromMinutes(10), reminder.Duration);
        Assert.Equal(Ical.Net.AlarmAction.Display, Assert.Single(reminder.Alarms).Action);
        Assert.Equal("Desk break", reminder.Summary);
        Assert.Contains("Chin tucks: Hold 2-3 s, 10 reps", reminder.Description, StringComparison.Ordinal);
        Assert.Contains("Prone W", reminder.Description, StringComparison.Ordinal);
        Assert.EndsWith($"/routines/{visitor.RoutineId}", reminder.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_on_its_own_page_starts_with_weekdays_at_eight_in_the_users_zone()
    {
        var visitor = await WithRoutineAsync();

        var page = await visitor.GetAsync($"/routines/{visitor.RoutineId}/reminder");

        var form = page.Form("form.reminder-form");
        var ticked = form.QuerySelectorAll("input[name=days]").Cast<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value);
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], ticked);
        Assert.Equal("08:00", form.QuerySelector<IHtmlInputElement>("input[name=time]")!.Value);
        Assert.Contains("Europe/Berlin", form.QuerySelector("#reminder-time-hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_users_routine_answers_404()
    {
        var owner = await WithRoutineAsync();
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("chin-tucks", newRoutine: "Mine");

        using var form = await other.Http.GetAsync($"/routines/{owner.RoutineId}/reminder");
        using var file = await other.Http.GetAsync($"/routines/{owner.RoutineId}/reminder.ics");
        await other.GetAsync($"/routines/{other.RoutineId}/reminder");
        var otherForm = other.Page!.Form("form.reminder-form");
        otherForm.Action = $"/routines/{owner.RoutineId}/reminder";
        using var save = await other.Http.SubmitAsync(otherForm, new Dictionary<string, object?> { ["days"] = Sunday, ["time"] = "06:00" });

        Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Null(file.Content.Headers.ContentDisposition);
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => Task.FromResult(db.Reminders.Count())));
    }

    [Fact]
    public async Task Saved_days_and_times_come_back_on_the_reminder_page_the_routine_page_and_the_next_download()
    {
        var visitor = await WithRoutineAsync();

        await DownloadAsync(visitor, ("days", TuesdayAndSaturday), ("time", EveningAndMorning));
        var again = await visitor.GetAsync($"/routines/{visitor.RoutineId}/reminder");
        var routinePage = await visitor.GetAsync($"/routines/{visitor.RoutineId}");
        using var file = await visitor.Http.GetAsync($"/routines/{visitor.RoutineId}/reminder.ics");

        foreach (var page in new[] { again, routinePage })
        {
            var form = page.Form("form.reminder-form");
            var ticked = form.QuerySelectorAll("input[name=days]").Cast<IHtmlInputElement>().Where(i => i.IsChecked).Select(i => i.Value);
            Assert.Equal(["Tuesday", "Saturday"], ticked);
            Assert.Equal(["07:45", "18:15", ""], form.QuerySelectorAll("input[name=time]").Cast<IHtmlInputElement>().Select(i => i.Value));
        }

        var events = Ical.Net.Calendar.Load(await file.Content.ReadAsStringAsync())!.Events.OrderBy(e => e.Start!.Time).ToList();
        Assert.Equal([new TimeOnly(7, 45), new TimeOnly(18, 15)], events.Select(e => e.Start!.Time!.Value));
        Assert.All(events, e => Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Saturday], e.RecurrenceRule!.ByDay.Select(d => d.DayOfWeek)));
        Assert.Equal(2, events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Three_times_a_day_are_offered_when_a_stretch_asks_for_two_to_three_and_one_otherwise()
    {
        var withChinTucks = await WithRoutineAsync();
        var other = new RoutineClient(_factory.CreateClient());
        await other.AddAsync("prone-w", newRoutine: "Once a day");

        var three = await withChinTucks.GetAsync($"/routines/{withChinTucks.RoutineId}/reminder");
        var one = await other.GetAsync($"/routines/{other.RoutineId}/reminder");
        var (tooMany, _) = await DownloadAsync(other, ("days", MondayAndWednesday), ("time", EightAndNoon));

        Assert.Equal(3, three.QuerySelectorAll("form.reminder-form input[name=time]").Length);
        Assert.Single(one.QuerySelectorAll("form.reminder-form input[name=time]"));
        Assert.Null(tooMany.Content.Headers.ContentDisposition);
        var page = await tooMany.ReadDocumentAsync();
        Assert.Contains("one time", page.QuerySelector("[data-error-for=time]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_the_days_raises_the_sequence_and_keeps_the_uid_and_start_of_an_unchanged_schedule()
    {
        var visitor = await WithRoutineAsync();

        var (_, first) = await DownloadAsync(visitor, ("days", MondayAndWednesday), ("time", "07:30"));
        _factory.Clock.Now = Now.AddDays(3);
        var (_, same) = await DownloadAsync(visitor, ("days", MondayAndWednesday), ("time", "07:30"));
        var (_, changed) = await DownloadAsync(visitor, ("days", Friday), ("time", "07:30"));

        var events = new[] { first, same, changed }.Select(text => Assert.Single(Ical.Net.Calendar.Load(text)!.Events)).ToArray();
        Assert.Equal(1, events[0].Sequence);
        Assert.Equal(1, events[1].Sequence);
        Assert.Equal(events[0].Start, events[1].Start);
        Assert.Equal(2, events[2].Sequence);
        Assert.Equal(events[0].Uid, events[2].Uid);
        Assert.Equal([DayOfWeek.Friday], events[2].RecurrenceRule!.ByDay.Select(d => d.DayOfWeek));
        Assert.Contains("\r\nSEQUENCE:2\r\n", changed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_weekday_shows_an_error_next_to_the_days_and_no_file()
    {
        var visitor = await WithRoutineAsync();

        var (response, _) = await DownloadAsync(visitor, ("days", Array.Empty<string>()), ("time", "07:30"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Choose at least one day.", page.QuerySelector("[data-error-for=days]")!.TextContent);
        Assert.Equal("07:30", page.QuerySelector<IHtmlInputElement>("input[name=time]")!.Value);
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("8am")]
    [InlineData("")]
    public async Task A_bad_time_shows_an_error_next_to_the_time_and_no_file(string time)
    {
        var visitor = await WithRoutineAsync();

        var (response, _) = await DownloadAsync(visitor, ("days", MondayAndWednesday), ("time", time));

        Assert.Null(response.Content.Headers.ContentDisposition);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("Enter a time as hours and minutes", page.QuerySelector("[data-error-for=time]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("input[name=time]")!.GetAttribute("aria-invalid"));
        Assert.Empty(page.QuerySelector("[data-error-for=days]")!.TextContent);
    }
}
