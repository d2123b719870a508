using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class SheetViewTests
{
    private static readonly ContentSnapshot Shipped = ContentLoader.Load(TempContent.ShippedRoot);

    private static SheetItem Item(string slug, int? perDay = null) =>
        SheetItem.From(ItemView.From(new RoutineItem { StretchSlug = slug, PerDay = perDay }, Shipped));

    [Fact]
    public void A_stretch_with_sheet_lines_prints_them_whole()
    {
        var item = Item("lying-arm-extensions");

        Assert.Equal(Shipped.FindStretch("lying-arm-extensions")!.Sheet, item.Cues);
        Assert.Contains(item.Cues, cue => cue.Contains("take your arms back past your head", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_stretch_has_complete_sheet_lines_that_fit()
    {
        Assert.All(Shipped.Stretches, s =>
        {
            Assert.InRange(s.Sheet.Count, 2, ArticleParser.MaxSheetLines);
            Assert.All(s.Sheet, line => Assert.True(line.Length <= ArticleParser.MaxSheetLineLength && line.EndsWith('.') && !line.Contains("...", StringComparison.Ordinal) && !line.Contains('\u2026'), line));
        });
    }

    [Fact]
    public void Without_sheet_lines_the_steps_print_in_full_never_cut()
    {
        using var content = new TempContent();
        var longStep = "Without moving your knees, shift your hips a little back toward your heels to hold your lower back still.";
        content.Write("stretches/back/plain.md", TempContent.Stretch(body: $"## Steps\n\n1. Sit tall.\n2. {longStep}\n"));
        var snapshot = ContentLoader.Load(content.Root);

        var item = SheetItem.From(ItemView.From(new RoutineItem { StretchSlug = "plain" }, snapshot));

        Assert.Equal(["Sit tall.", longStep], item.Cues);
    }

    [Fact]
    public void Every_stop_if_sign_the_note_and_the_alternative_are_kept()
    {
        var item = Item("neck-flexion-extension");
        var stretch = Shipped.FindStretch("neck-flexion-extension")!;

        Assert.Equal(stretch.StopIf, item.StopIf);
        Assert.Single(item.StopIf);
        Assert.Equal(stretch.Dosage.Note, item.DosageNote);
        Assert.Equal("or: hold 30-60 s. Hold each direction and keep breathing, only if it feels comfortable.", $"or: {item.Alternative}");
    }

    [Theory]
    [InlineData("chin-tucks", null, 3)]
    [InlineData("chin-tucks", 1, 1)]
    [InlineData("thoracic-extension", null, 1)]
    [InlineData("thoracic-extension", 2, 2)]
    public void The_tick_grid_gets_a_box_for_each_daily_session(string slug, int? perDay, int boxes) =>
        Assert.Equal(boxes, Item(slug, perDay).SessionsPerDay);

    [Theory]
    [InlineData(null, 1, null)]
    [InlineData(5, 1, "Aim for 5 days this week (a suggestion: adjust it to suit you).")]
    [InlineData(1, 2, "Aim for 1 day each week (a suggestion: adjust it to suit you).")]
    [InlineData(10, 1, "Aim for 10 sessions this week (a suggestion: adjust it to suit you).")]
    public void The_weekly_target_is_printed_as_a_suggestion(int? target, int weeks, string? expected)
    {
        var routine = new Routine { OwnerId = "o", Name = "R", WeeklyTarget = target };

        var sheet = SheetView.Create(routine, ContentSnapshot.Empty, new DateOnly(2026, 1, 5), "https://example.com/routines/1", "/routines/1", null, weeks);

        Assert.Equal(expected, sheet.TargetText);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("large", 1)]
    [InlineData("LARGE", 3)]
    [InlineData("huge", 14)]
    public void Unknown_options_fall_back_to_normal_print_and_one_week(string? size, int weeks)
    {
        var routine = new StretchLibrary.Web.Routines.Routine { OwnerId = "o", Name = "R" };
        var content = StretchLibrary.Web.Library.Content.ContentSnapshot.Empty;

        var sheet = SheetView.Create(routine, content, new DateOnly(2026, 1, 5), "https://example.com/routines/1", "/routines/1", size, weeks);

        Assert.Equal(size?.Equals("large", StringComparison.OrdinalIgnoreCase) == true, sheet.Large);
        Assert.Equal(weeks == 2 ? 2 : 1, sheet.Weeks);
    }
}
