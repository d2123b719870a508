using System.Globalization;
using System.Text.RegularExpressions;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

/// <summary>Where the movement arrows go, and the checks on arrows and on hands behind the head.</summary>
public sealed partial class FigureArrowTests
{
    private static readonly View Side = View.Find("side")!;

    [Fact]
    public void An_arrow_under_the_floor_is_reported()
    {
        var pose = new Dictionary<string, double>();
        var scene = Stage.Build("lying face down", pose, []);
        var under = new Arrow((0, 8), (20, 12), (40, 8));

        var problems = FigureChecks.Check(new FigureFrame("reach", "lying face down", pose, "Lying."), scene, Side, under).ToList();

        Assert.Contains("the arrow goes 10 cm below the floor", problems);
    }

    [Fact]
    public void A_hand_sliding_along_the_floor_gets_its_arrow_above_the_floor()
    {
        // Prone W as it was: the hands slide from past the head down beside the chest, along the floor.
        var spec = new IllustrationSpec("side", [], [], false,
        [
            new("reach", "lying face down", new Dictionary<string, double> { ["spine.upper.flex"] = -10, ["neck.flex"] = 10, ["l.shoulder.flex"] = 160, ["r.shoulder.flex"] = 160, ["l.shoulder.abd"] = 15, ["r.shoulder.abd"] = 15, ["l.shoulder.rot"] = 0, ["r.shoulder.rot"] = 0 }, "Reach.", Head: FigureFrame.Lifted),
            new("w", "lying face down", new Dictionary<string, double> { ["spine.upper.flex"] = -15, ["neck.flex"] = 15, ["l.shoulder.flex"] = -10, ["r.shoulder.flex"] = -10, ["l.shoulder.abd"] = 40, ["r.shoulder.abd"] = 40, ["l.shoulder.rot"] = 60, ["r.shoulder.rot"] = 60, ["l.elbow.flex"] = 110, ["r.elbow.flex"] = 110 }, "W.", Head: FigureFrame.Lifted),
        ]);

        var drawn = Illustration.Draw(spec);

        var (tail, tip, control) = ArrowIn(drawn.Frames[0].Svg);
        Assert.True(Math.Max(tail.Y, Math.Max(tip.Y, control.Y)) <= 0, $"the arrow {tail} {control} {tip} dips under the floor (y 0)");
        Assert.DoesNotContain(drawn.Problems, p => p.Reason.Contains("arrow", StringComparison.Ordinal));
    }

    [Fact]
    public void Elbows_pointing_forward_are_reported_when_the_hands_are_behind_the_head()
    {
        // Hands behind the head the way a crunch holds them: upper arms raised forward, elbows in front of the face.
        var pose = new Dictionary<string, double> { ["l.shoulder.flex"] = 150, ["r.shoulder.flex"] = 150, ["l.elbow.flex"] = 145, ["r.elbow.flex"] = 145 };
        var frame = new FigureFrame("start", "seated", pose, "Hands behind the head.", Hands: FigureFrame.BehindHead);

        var problems = FigureChecks.Check(frame, Stage.Build("seated", pose, ["chair"])).ToList();

        Assert.Contains(problems, p => p.StartsWith("the right elbow points forward", StringComparison.Ordinal)
            && p.EndsWith("but hands behind the head keep the elbows out to the sides", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("seated", "chair")]
    [InlineData("lying on back", "foam roller across")]
    public void Hands_behind_the_head_are_drawn_with_the_elbows_out_to_the_sides(string basis, string prop)
    {
        // The pose thoracic extension had: arms raised forward; the hands are placed behind the head, elbows wide.
        var pose = new Dictionary<string, double> { ["l.shoulder.flex"] = 150, ["r.shoulder.flex"] = 150, ["l.shoulder.abd"] = 40, ["r.shoulder.abd"] = 40, ["l.elbow.flex"] = 145, ["r.elbow.flex"] = 145, ["l.shoulder.rot"] = 60, ["r.shoulder.rot"] = 60 };
        var spec = new IllustrationSpec("side", [prop], [], false, [new("start", basis, pose, "Hands behind the head.", Hands: FigureFrame.BehindHead, Head: FigureFrame.Lifted)]);

        var drawn = Illustration.Draw(spec);

        Assert.Empty(drawn.Problems);
    }

    [Fact]
    public void The_arrow_follows_the_moving_arm_not_the_supporting_one()
    {
        // Quadruped rotation: the right hand behind the head, the left arm holding the body up while the chest turns.
        var start = new Dictionary<string, double> { ["r.shoulder.flex"] = 100, ["r.shoulder.abd"] = 60, ["r.shoulder.rot"] = 40, ["r.elbow.flex"] = 140 };
        var open = new Dictionary<string, double>(start) { ["spine.upper.rot"] = 45, ["spine.lower.rot"] = 10, ["neck.rot"] = 40, ["l.shoulder.abd"] = -10 };
        var spec = new IllustrationSpec("side", [], [], false, [new("start", "hands and knees", start, "Start."), new("open", "hands and knees", open, "Open.")]);

        var (tail, tip, _) = ArrowIn(Illustration.Draw(spec).Frames[0].Svg);

        var (from, to) = (Stage.Build("hands and knees", start, []).Body.Points, Stage.Build("hands and knees", open, []).Body.Points);
        double Off((double X, double Y) p, Vec3 point) => Math.Sqrt(Math.Pow(p.X - Side.Project(point).X, 2) + Math.Pow(p.Y - Side.Project(point).Y, 2));
        Assert.True(Off(tail, from["r.elbow"]) + Off(tip, to["r.elbow"]) < Off(tail, from["l.elbow"]) + Off(tip, to["l.elbow"]),
            $"the arrow {tail} -> {tip} should follow the right elbow {Side.Project(from["r.elbow"])} -> {Side.Project(to["r.elbow"])}, not the left {Side.Project(from["l.elbow"])}");
    }

    [Fact]
    public void A_head_turn_arrow_sweeps_a_clear_arc()
    {
        var spec = new IllustrationSpec("front from above", ["chair"], [], false,
        [
            new("start", "seated", new Dictionary<string, double>(), "Facing ahead."),
            new("turned", "seated", new Dictionary<string, double> { ["neck.rot"] = 70 }, "Turned right."),
        ]);

        var (tail, tip, control) = ArrowIn(Illustration.Draw(spec).Frames[0].Svg);

        var chord = Math.Sqrt(Math.Pow(tip.X - tail.X, 2) + Math.Pow(tip.Y - tail.Y, 2));
        var (mx, my) = ((tail.X + tip.X) / 2, (tail.Y + tip.Y) / 2);
        var bulge = Math.Sqrt(Math.Pow(control.X - mx, 2) + Math.Pow(control.Y - my, 2));
        Assert.True(bulge > 0.4 * chord, $"the arc {tail} {control} {tip} is nearly flat: it bulges {bulge:0} over a chord of {chord:0}");
    }

    [Fact]
    public void A_twist_arrow_goes_around_the_trunk_not_across_it()
    {
        var shipped = StretchLibrary.Web.Library.Content.ContentLoader.Load(TempContent.ShippedRoot).FindStretch("seated-trunk-rotation")!.Illustration!;
        var down = shipped.Spec.Frames[1];
        var scene = Stage.Build(down.Base, down.Pose, shipped.Spec.Props);
        var front = View.Find(shipped.Spec.View)!;

        var (tail, tip, control) = ArrowIn(shipped.Frames[1].Svg);

        var trunk = scene.Body.Limb("spine.upper");
        var (a, b) = (front.Project(trunk.A), front.Project(trunk.B));
        for (var i = 1; i < 10; i++)
        {
            var t = i / 10.0;
            var x = ((1 - t) * (1 - t) * tail.X) + (2 * (1 - t) * t * control.X) + (t * t * tip.X);
            var y = ((1 - t) * (1 - t) * tail.Y) + (2 * (1 - t) * t * control.Y) + (t * t * tip.Y);
            Assert.True(Math.Abs(x - ((a.X + b.X) / 2)) > 8 || y < Math.Min(a.Y, b.Y) - trunk.Rb || y > Math.Max(a.Y, b.Y) + trunk.Ra,
                $"the arrow {tail} {control} {tip} crosses the upper back at ({x:0}, {y:0})");
        }
    }

    /// <summary>The arrow's tail, the tip of its head and its curve's control point, in SVG units.</summary>
    private static ((double X, double Y) Tail, (double X, double Y) Tip, (double X, double Y) Control) ArrowIn(string svg)
    {
        var match = ArrowPath().Match(svg);
        Assert.True(match.Success, "no arrow in " + svg);
        double At(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return ((At(1), At(2)), (At(5), At(6)), (At(3), At(4)));
    }

    [GeneratedRegex(@"class=""fig-arrow""[^>]*><path d=""M(-?\d+) (-?\d+)Q(-?\d+) (-?\d+) -?\d+ -?\d+""/><path [^>]*d=""M(-?\d+) (-?\d+)L")]
    private static partial Regex ArrowPath();
}
