using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Tests.Content;

public class DosageTests
{
    private static Amount A(string text) => Amount.TryParse(text, out _)!;

    [Fact]
    public void Reps_on_each_side_say_to_switch_sides() =>
        Assert.Equal("10-15 reps, then switch sides", new Dosage { Reps = A("10-15"), Sides = Sides.Each }.Describe());

    [Fact]
    public void Hold_on_each_side_repeated_says_times() =>
        Assert.Equal("Hold about 30 s on each side, 2-3 times", new Dosage { Hold = A("about 30"), Sets = A("2-3"), Sides = Sides.Each }.Describe());

    [Fact]
    public void Hold_with_reps_and_sets() =>
        Assert.Equal("Hold 2-3 s, 10 reps, 2-3 sets", new Dosage { Hold = A("2-3"), Reps = A("10"), Sets = A("2-3") }.Describe());

    [Fact]
    public void Up_to_is_capitalised_at_the_start() =>
        Assert.Equal("Up to 10 reps", new Dosage { Reps = A("up to 10") }.Describe());

    [Fact]
    public void Times_per_day_is_appended() =>
        Assert.Equal("Hold 2-3 s, 10 reps, 2-3 times a day", new Dosage { Hold = A("2-3"), Reps = A("10"), PerDay = A("2-3") }.Describe());

    [Fact]
    public void Singular_counts_read_naturally() =>
        Assert.Equal("1 rep, 1 set, once a day", new Dosage { Reps = A("1"), Sets = A("1"), PerDay = A("1") }.Describe());

    [Fact]
    public void A_single_hold_repeated_once_says_once() =>
        Assert.Equal("Hold up to 30 s, once", new Dosage { Hold = A("up to 30"), Sets = A("1") }.Describe());
}
