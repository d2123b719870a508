using System.Globalization;
using System.Text.RegularExpressions;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

/// <summary>How figures are drawn: one scale across stretches, rollers that read as round, a floor that reads as a floor.</summary>
public sealed partial class FigureDrawingTests
{
    private static IllustrationSpec One(string view, string position, IReadOnlyList<string> props) =>
        new(view, props, [], HeadOnly: false, [new("start", position, new Dictionary<string, double>(), "A pose.")]);

    [Fact]
    public void A_lying_figure_and_a_seated_one_are_drawn_at_the_same_scale()
    {
        var lying = ViewBox(Illustration.Draw(One("raised side", "lying on back", [])).Frames[0].Svg);
        var seated = ViewBox(Illustration.Draw(One("three-quarter", "seated", ["chair"])).Frames[0].Svg);

        // Shown at the same height, one unit is one centimetre in both.
        Assert.Equal(FigureSvg.StandardHeight, lying.H);
        Assert.Equal(FigureSvg.StandardHeight, seated.H);
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
