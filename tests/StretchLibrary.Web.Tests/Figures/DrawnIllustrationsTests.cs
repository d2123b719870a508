using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

public class DrawnIllustrationsTests
{
    private static IllustrationSpec Spec(double neckFlex, string alt = "Head bent forward.") => new(
        "side",
        ["chair"],
        [],
        false,
        [
            new FigureFrame("start", "seated", new Dictionary<string, double>(), "Sitting tall."),
            new FigureFrame("end", "seated", new Dictionary<string, double> { ["neck.flex"] = neckFlex }, alt),
        ]);

    [Fact]
    public void An_equal_spec_read_again_gets_the_same_drawing_without_drawing_it_again()
    {
        var first = DrawnIllustrations.Draw(Spec(37));
        var again = DrawnIllustrations.Draw(Spec(37));

        Assert.Same(first, again);
        Assert.Equal(Illustration.Draw(Spec(37)).Frames.Select(f => f.Svg), first.Frames.Select(f => f.Svg));
    }

    [Fact]
    public void An_edited_spec_is_drawn_anew()
    {
        var before = DrawnIllustrations.Draw(Spec(38));

        var angle = DrawnIllustrations.Draw(Spec(44));
        var caption = DrawnIllustrations.Draw(Spec(38, "Chin toward the chest."));

        Assert.NotSame(before, angle);
        Assert.NotEqual(before.Frames[1].Svg, angle.Frames[1].Svg);
        Assert.Equal("Chin toward the chest.", caption.Frames[1].Alt);
    }

    [Fact]
    public void A_spec_that_cannot_be_drawn_still_throws_every_time()
    {
        var bad = Spec(30) with { View = "from-above" };

        Assert.Throws<ArgumentException>(() => DrawnIllustrations.Draw(bad));
        Assert.Throws<ArgumentException>(() => DrawnIllustrations.Draw(bad));
    }
}
