using Bunit;
using StretchLibrary.Web.Components;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Components;

public class StretchFiguresTests : BunitContext
{
    private static readonly Illustration Drawn = Illustration.Draw(new IllustrationSpec(
        "side",
        ["chair"],
        [],
        false,
        [
            new FigureFrame("start", "seated", new Dictionary<string, double>(), "Sitting tall."),
            new FigureFrame("end", "seated", new Dictionary<string, double> { ["neck.flex"] = 40 }, "Head bent forward."),
        ]));

    [Fact]
    public void Shows_every_frame_side_by_side_with_its_caption_and_accessible_name()
    {
        var cut = Render<StretchFigures>(ps => ps.Add(p => p.Illustration, Drawn));

        var figures = cut.FindAll(".figure-strip figure");
        Assert.Equal(2, figures.Count);
        Assert.Equal(["Sitting tall.", "Head bent forward."], figures.Select(f => f.QuerySelector("figcaption")!.TextContent));
        Assert.Equal(["Sitting tall.", "Head bent forward."], cut.FindAll("svg[role=img]").Select(s => s.GetAttribute("aria-label")));
    }

    [Fact]
    public void Key_frame_only_shows_the_end_of_the_first_movement_without_a_caption()
    {
        var cut = Render<StretchFigures>(ps => ps.Add(p => p.Illustration, Drawn).Add(p => p.KeyFrameOnly, true).Add(p => p.Class, "card-figure"));

        var svg = Assert.Single(cut.FindAll("div.card-figure svg"));
        Assert.Equal("Head bent forward.", svg.GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll("figcaption"));
    }

    [Fact]
    public void Renders_nothing_for_a_stretch_without_figures()
    {
        var cut = Render<StretchFigures>(ps => ps.Add(p => p.Illustration, null));

        Assert.Equal("", cut.Markup.Trim());
    }
}
