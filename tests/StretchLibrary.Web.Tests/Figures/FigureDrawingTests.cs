using System.Globalization;
using System.Text.RegularExpressions;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

/// <summary>How figures are drawn: one scale within a stretch, rollers that read as round, a floor that reads as a floor.</summary>
public sealed partial class FigureDrawingTests
{
    private static IllustrationSpec One(string view, string position, IReadOnlyList<string> props) =>
        new(view, props, [], HeadOnly: false, [new("start", position, new Dictionary<string, double>(), "A pose.")]);

    [Fact]
    public void A_stretchs_lying_frame_is_drawn_at_the_scale_of_its_seated_frame_and_a_lying_stretch_fills_its_own_box()
    {
        var spec = new IllustrationSpec("three-quarter", ["chair", "foam roller"], [], HeadOnly: false,
        [
            new("start", "seated", new Dictionary<string, double>(), "A pose."),
            new("roller", "lying on back", new Dictionary<string, double>(), "A pose."),
        ]);

        var frames = Illustration.Draw(spec).Frames;
        var (seated, lying) = (ViewBox(frames[0].Svg), ViewBox(frames[1].Svg));
        var alone = ViewBox(Illustration.Draw(One("raised side", "lying on back", [])).Frames[0].Svg);

        // Shown side by side at one height, one unit is the same length in both frames of the stretch.
        Assert.Equal(seated.H, lying.H);
        // A stretch done lying down only is not shrunk to a seated one's height.
        Assert.True(alone.H < seated.H / 2, $"a lying-only stretch's box is {alone.H} tall against {seated.H} for a seated one");
    }

    [Fact]
    public void A_lengthwise_roller_is_drawn_with_its_round_end_toward_the_viewer()
    {
        var svg = Illustration.Draw(One("rear from above", "lying on back", ["foam roller"])).Frames[0].Svg;

        // Its outline and the ellipse of its near end.
        Assert.Equal(2, PropShape().Count(svg));
    }

    [Fact]
    public void Seen_from_the_side_and_above_the_floor_runs_from_edge_to_edge_of_the_frame()
    {
        var svg = Illustration.Draw(One("raised side", "lying on back", ["towel roll"])).Frames[0].Svg;
        var box = ViewBox(svg);

        var edges = FloorEdges().Match(svg);
        Assert.True(edges.Success, "no open floor band in " + svg);
        Assert.Equal(box.X, double.Parse(edges.Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal(box.X + box.W, double.Parse(edges.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"class=""fig-prop""")]
    private static partial Regex PropShape();

    [GeneratedRegex(@"class=""fig-floor"" fill=""none""[^>]* d=""M(-?\d+) -?\d+H(-?\d+)M")]
    private static partial Regex FloorEdges();

    private static (double X, double Y, double W, double H) ViewBox(string svg)
    {
        var parts = Regex.Match(svg, @"viewBox=""([^""]+)""").Groups[1].Value.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2], parts[3]);
    }
}
