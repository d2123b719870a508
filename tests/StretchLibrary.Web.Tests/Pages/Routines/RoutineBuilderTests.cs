using Microsoft.EntityFrameworkCore;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class RoutineBuilderTests : IDisposable
{
    private readonly LibraryFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private RoutineClient Visitor() => new(_factory.CreateClient());

    [Fact]
    public async Task A_visitor_saves_a_routine_without_registering()
    {
        var visitor = Visitor();

        var page = await visitor.AddAsync("chin-tucks", newRoutine: "Desk break");

        Assert.Equal("Desk break", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Chin tucks"], visitor.ItemTitles());
        Assert.Contains("Added Chin tucks to “Desk break”.", page.QuerySelector(".flash")!.TextContent);
        Assert.NotNull(page.QuerySelector(".guest-banner a[href='/account/register']"));
        var guests = await _factory.WithDbAsync(db => db.Users.CountAsync(u => u.IsGuest));
        Assert.Equal(1, guests);
    }

    [Fact]
    public async Task Adding_to_an_existing_routine_appends_and_does_not_duplicate()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Neck");
        var id = visitor.RoutineId;

        await visitor.AddAsync("seated-cervical-rotation", routineId: id);
        var page = await visitor.AddAsync("chin-tucks", routineId: id);

        Assert.Equal(["Chin tucks", "Seated cervical rotation"], visitor.ItemTitles());
        Assert.Contains("already in", page.QuerySelector(".flash")!.TextContent);
    }

    [Fact]
    public async Task Items_move_up_and_down_without_javascript()
    {
        var visitor = await WithThreeItemsAsync();

        await visitor.SubmitAsync(".routine-item:nth-child(3) form[action$='/moveup']");
        Assert.Equal(["Chin tucks", "Prone W", "Thoracic extension"], visitor.ItemTitles());

        await visitor.SubmitAsync(".routine-item:nth-child(1) form[action$='/movedown']");
        Assert.Equal(["Prone W", "Chin tucks", "Thoracic extension"], visitor.ItemTitles());
        Assert.NotNull(visitor.Page!.QuerySelector(".routine-item:nth-child(1) form[action$='/moveup'] button[disabled]"));
        Assert.NotNull(visitor.Page!.QuerySelector(".routine-item:nth-child(3) form[action$='/movedown'] button[disabled]"));
    }

    [Fact]
    public async Task An_item_moves_to_any_place_in_one_step()
    {
        var visitor = await WithThreeItemsAsync();
        var before = visitor.ItemTitles();

        await visitor.SubmitAsync(".routine-item:nth-child(3) form.move-to", ("place", 1));
        Assert.Equal([before[2], before[0], before[1]], visitor.ItemTitles());

        await visitor.SubmitAsync(".routine-item:nth-child(1) form.move-to", ("place", 3));
        Assert.Equal([before[0], before[1], before[2]], visitor.ItemTitles());

        // A place past the end is the last place; none at all leaves the list as it is.
        await visitor.SubmitAsync(".routine-item:nth-child(1) form.move-to", ("place", 99));
        Assert.Equal([before[1], before[2], before[0]], visitor.ItemTitles());
        await visitor.SubmitAsync(".routine-item:nth-child(1) form.move-to", ("place", ""));
        Assert.Equal([before[1], before[2], before[0]], visitor.ItemTitles());
    }

    [Fact]
    public async Task A_dosage_override_within_bounds_replaces_the_library_default()
    {
        var visitor = await WithThreeItemsAsync();
        await visitor.GetAsync(visitor.Page!.QuerySelector(".routine-item:nth-child(1) a.button")!.GetAttribute("href")!);

        var page = await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", ("Input.HoldSeconds", 5), ("Input.Note", "Slowly"));

        Assert.Equal("Hold 5 s, 10 reps, 2-3 times a day (your dosage)", page.QuerySelector(".routine-item:nth-child(1) .item-dosage")!.TextContent);
        Assert.Equal("Slowly", page.QuerySelector(".routine-item:nth-child(1) .item-note")!.TextContent);
    }

    [Theory]
    [InlineData("Input.HoldSeconds", "601", "Hold must be between 1 and 600 seconds.")]
    [InlineData("Input.Reps", "0", "Reps must be between 1 and 100.")]
    [InlineData("Input.Sets", "11", "Sets must be between 1 and 10.")]
    [InlineData("Input.PerDay", "-1", "Times a day must be between 1 and 10.")]
    [InlineData("Input.Reps", "lots", "The value 'lots' is not valid for Reps.")]
    public async Task An_override_out_of_bounds_is_refused_next_to_its_field(string field, string value, string message)
    {
        var visitor = await WithThreeItemsAsync();
        var editUrl = visitor.Page!.QuerySelector(".routine-item:nth-child(1) a.button")!.GetAttribute("href")!;
        await visitor.GetAsync(editUrl);

        var page = await visitor.SubmitAsync("form[method=post]:not([data-dismiss-banner])", (field, value));

        Assert.Equal(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent);
        var stored = await _factory.WithDbAsync(db => db.RoutineItems.SingleAsync(i => i.Position == 0));
        Assert.Equal((null, null, null, null), (stored.Reps, stored.HoldSeconds, stored.Sets, stored.PerDay));
    }

    [Fact]
    public async Task Remove_takes_the_item_out_and_closes_the_gap()
    {
        var visitor = await WithThreeItemsAsync();

        await visitor.SubmitAsync(".routine-item:nth-child(2) form[action$='/remove']");

        Assert.Equal(["Chin tucks", "Prone W"], visitor.ItemTitles());
        var positions = await _factory.WithDbAsync(db => db.RoutineItems.OrderBy(i => i.Position).Select(i => i.Position).ToListAsync());
        Assert.Equal([0, 1], positions);
    }

    [Fact]
    public async Task Rename_and_weekly_target_are_validated_and_saved()
    {
        var visitor = await WithThreeItemsAsync();

        var page = await visitor.SubmitAsync("form[action*='handler=Rename']", ("Name", "   "));
        Assert.Equal("Give the routine a name.", page.QuerySelector("[data-valmsg-for='Name']")!.TextContent);
        page = await visitor.SubmitAsync("form[action*='handler=Target']", ("WeeklyTarget", 50));
        Assert.Equal("Choose between 1 and 21 times a week, or leave it empty.", page.QuerySelector("[data-valmsg-for='WeeklyTarget']")!.TextContent);

        await visitor.SubmitAsync("form[action*='handler=Rename']", ("Name", "Evening set"));
        page = await visitor.SubmitAsync("form[action*='handler=Target']", ("WeeklyTarget", 4));

        Assert.Equal("Evening set", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("0 of 4 this week", visitor.Stat("week"));
    }

    [Fact]
    public async Task A_refused_weekly_target_shows_only_its_own_error()
    {
        var visitor = await WithThreeItemsAsync();

        var page = await visitor.SubmitAsync("form[action*='handler=Target']", ("WeeklyTarget", 50));

        Assert.Equal("Choose between 1 and 21 times a week, or leave it empty.", page.QuerySelector("[data-valmsg-for='WeeklyTarget']")!.TextContent);
        Assert.Equal("", page.QuerySelector("[data-valmsg-for='Name']")!.TextContent);
        Assert.DoesNotContain("Give the routine a name.", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF\u200B")]
    public async Task A_name_of_only_invisible_characters_is_refused_by_the_forms(string name)
    {
        var visitor = await WithThreeItemsAsync();

        var page = await visitor.SubmitAsync("form[action*='handler=Rename']", ("Name", name));

        Assert.Equal("Use at least one visible letter, digit or sign.", page.QuerySelector("[data-valmsg-for='Name']")!.TextContent);
        await visitor.GetAsync("/routines");
        page = await visitor.SubmitAsync("form[action*='handler=Create']", ("Name", name));
        Assert.Equal("Use at least one visible letter, digit or sign.", page.QuerySelector("[data-valmsg-for='Name']")!.TextContent);
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Routines.CountAsync()));
    }

    [Theory]
    [InlineData("/routines?handler=Create")]
    [InlineData("/routines/add/prone-w")]
    public async Task A_time_zone_too_long_to_be_real_is_ignored_and_the_routine_is_saved(string url)
    {
        var visitor = Visitor();
        await visitor.GetAsync(url.StartsWith("/routines/add", StringComparison.Ordinal) ? url : "/routines");
        var form = url.StartsWith("/routines/add", StringComparison.Ordinal) ? "form[method=post]" : "form[action*='handler=Create']";
        var nameField = url.StartsWith("/routines/add", StringComparison.Ordinal) ? "NewName" : "Name";

        var page = await visitor.SubmitAsync(form, (nameField, "Long zone"), ("Tz", "Europe/" + new string('x', 100)));

        Assert.Equal("Long zone", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("UTC", await _factory.WithDbAsync(db => db.Users.Select(u => u.TimeZoneId).SingleAsync()));
    }

    [Fact]
    public async Task Duplicate_copies_items_and_overrides_into_a_new_routine()
    {
        var visitor = await WithThreeItemsAsync();
        var original = visitor.RoutineId;

        var page = await visitor.SubmitAsync("form[action*='handler=Duplicate']");

        Assert.NotEqual(original, visitor.RoutineId);
        Assert.Equal("Mobility (copy)", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Chin tucks", "Thoracic extension", "Prone W"], visitor.ItemTitles());
    }

    [Fact]
    public async Task Delete_asks_first_then_removes_the_routine_and_its_history()
    {
        var visitor = await WithThreeItemsAsync();
        await visitor.MarkDoneAsync(DateOnly.FromDateTime(DateTime.UtcNow));
        var id = visitor.RoutineId;
        await visitor.GetAsync($"/routines/{id}/delete");
        Assert.Contains("history of 1 session", visitor.Page!.QuerySelector("main h1 + p")!.TextContent);

        var page = await visitor.SubmitAsync("main form[method=post]:not([data-dismiss-banner])");

        Assert.Equal("My routines", page.QuerySelector("h1")!.TextContent);
        Assert.Equal((0, 0, 0), await _factory.WithDbAsync(async db => (await db.Routines.CountAsync(), await db.RoutineItems.CountAsync(), await db.Completions.CountAsync())));
    }

    [Fact]
    public async Task A_starter_routine_copies_to_my_routines()
    {
        var visitor = Visitor();
        await visitor.GetAsync("/routines");

        var page = await visitor.SubmitAsync("form[action*='slug=desk-break']");

        Assert.Equal("Five-minute desk break", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(4, visitor.ItemTitles().Length);
        Assert.Equal("0 of 5 this week", visitor.Stat("week"));
    }

    [Fact]
    public async Task Names_and_notes_are_shown_as_text_not_markup()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "<script>alert(1)</script>");

        var html = visitor.Page!.DocumentElement.OuterHtml;

        Assert.Equal("<script>alert(1)</script>", visitor.Page.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("<script>alert(1)", html);
    }

    private async Task<RoutineClient> WithThreeItemsAsync()
    {
        var visitor = Visitor();
        await visitor.AddAsync("chin-tucks", newRoutine: "Mobility");
        var id = visitor.RoutineId;
        await visitor.AddAsync("thoracic-extension", routineId: id);
        await visitor.AddAsync("prone-w", routineId: id);
        return visitor;
    }
}
