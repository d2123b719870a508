using StretchLibrary.Web.Pages.Routines;

namespace StretchLibrary.Web.Tests.Pages.Routines;

public sealed class SheetViewTests
{
    [Fact]
    public void A_short_step_is_kept_as_it_is()
    {
        Assert.Equal("Put both hands behind your head.", SheetItem.Shorten("Put both hands behind your head.", 70));
    }

    [Fact]
    public void A_long_step_ends_at_a_clause_when_one_ends_past_half_way()
    {
        var step = "Pick a knee height that feels comfortable; the closer your knees come to your chest, the higher it lands.";

        Assert.Equal("Pick a knee height that feels comfortable.", SheetItem.Shorten(step, 70));
    }

    [Fact]
    public void Otherwise_a_long_step_is_cut_at_a_word_not_on_a_little_word_and_marked()
    {
        var step = "Without moving your knees, shift your hips a little back toward your heels to hold your lower back still.";

        var shortened = SheetItem.Shorten(step, 70);

        // The last word before the limit may be cut, so it goes; "toward your" would dangle, so they go too.
        Assert.Equal("Without moving your knees, shift your hips a little back…", shortened);
        Assert.True(shortened.Length <= 70);
    }

    [Theory]
    [InlineData(null, 2)]
    [InlineData("large", 1)]
    [InlineData("LARGE", 3)]
    [InlineData("huge", 14)]
    public void Unknown_options_fall_back_to_normal_print_and_one_week(string? size, int weeks)
    {
        var routine = new StretchLibrary.Web.Data.Routine { OwnerId = "o", Name = "R" };
        var content = StretchLibrary.Web.Content.ContentSnapshot.Empty;

        var sheet = SheetView.Create(routine, content, new DateOnly(2026, 1, 5), "https://example.com/routines/1", "/routines/1", size, weeks);

        Assert.Equal(size?.Equals("large", StringComparison.OrdinalIgnoreCase) == true, sheet.Large);
        Assert.Equal(weeks == 2 ? 2 : 1, sheet.Weeks);
    }
}
