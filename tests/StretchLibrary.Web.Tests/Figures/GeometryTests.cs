using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Library.Figures;

namespace StretchLibrary.Web.Tests.Figures;

public sealed class GeometryTests
{
    private static readonly Dictionary<string, double> NoPose = [];

    private static void Near(Vec3 expected, Vec3 actual, double tolerance = 0.01) =>
        Assert.True((expected - actual).Length <= tolerance, $"expected {expected}, got {actual}");

    private static PosedBody Upright(Dictionary<string, double> angles) =>
        Skeleton.Pose(name => angles.GetValueOrDefault(name), Mat3.Identity, new Vec3(0, 100, 0));

    [Fact]
    public void Neutral_pose_puts_every_joint_at_its_known_position()
    {
        var body = Upright([]);

        Near(new(0, 52, 9), body.Points["r.knee"]);
        Near(new(0, 10, 9), body.Points["r.ankle"]);
        Near(new(0, 151, 0), body.Points["c7"]);
        Near(new(0, 117, 17), body.Points["r.elbow"]);
        Near(new(0, 117, -17), body.Points["l.elbow"]);
    }

    [Fact]
    public void Flexion_moves_the_arm_forward_and_the_shin_backward()
    {
        var body = Upright(new() { ["r.shoulder.flex"] = 90, ["r.knee.flex"] = 90, ["l.shoulder.abd"] = 90 });

        Near(new(29, 146, 17), body.Points["r.elbow"]);
        Near(new(-42, 52, 9), body.Points["r.ankle"]);
        Near(new(0, 146, -46), body.Points["l.elbow"]);
    }

    [Fact]
    public void Turning_the_neck_to_the_right_points_the_face_to_the_right()
    {
        var body = Upright(new() { ["neck.rot"] = 90 });

        var face = body.Points["nose"] - body.HeadCenter;
        Assert.True(face.Z > 12 && Math.Abs(face.X) < 0.01, $"face points {face}");
    }

    [Fact]
    public void Seated_figure_rests_its_pelvis_on_the_seat_and_its_feet_flat_on_the_floor()
    {
        var scene = Stage.Build("seated", NoPose, ["chair"]);

        Assert.Equal(Chair.SeatHeight, scene.Body.Limb("pelvis").Bottom, 0.5);
        Assert.InRange(scene.Clearance(scene.Body.Limb("pelvis")), -0.01, 0.5);
        foreach (var foot in new[] { "l.foot", "r.foot" })
        {
            var limb = scene.Body.Limb(foot);
            Assert.InRange(limb.A.Y - limb.Ra, -0.6, 0.6);
            Assert.InRange(limb.B.Y - limb.Rb, -0.6, 0.6);
        }
    }

    [Fact]
    public void Lying_figure_touches_the_floor_along_its_back()
    {
        var scene = Stage.Build("lying on back", NoPose, []);

        foreach (var part in new[] { "pelvis", "spine.lower", "spine.upper" })
        {
            Assert.InRange(scene.Body.Limb(part).Bottom, -0.01, 1);
        }

        Assert.InRange(scene.Body.HeadCenter.Y - PosedBody.HeadRadius, -0.01, 4);
    }

    [Fact]
    public void Lying_over_a_towel_roll_rests_on_the_roll_and_on_the_floor()
    {
        var scene = Stage.Build("lying on back", NoPose, ["towel roll"]);

        Assert.InRange(scene.Clearance(scene.Body.Limb("spine.upper")), -0.01, 0.6);
        Assert.InRange(scene.Body.Limb("pelvis").Bottom, -0.01, 0.6);
        Assert.True(scene.Body.Limb("spine.upper").Bottom > 5, "the upper back is lifted by the roll");
    }

    [Fact]
    public void On_hands_and_knees_both_the_knees_and_a_hand_are_on_the_floor()
    {
        var scene = Stage.Build("hands and knees", NoPose, []);

        Assert.InRange(Math.Min(scene.Body.Limb("l.shin").Bottom, scene.Body.Limb("r.shin").Bottom), -0.01, 0.6);
        Assert.InRange(Math.Min(scene.Body.Limb("l.hand").Bottom, scene.Body.Limb("r.hand").Bottom), -0.01, 0.6);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void No_part_of_any_base_position_sinks_into_the_floor_or_a_prop(string basis, string prop)
    {
        var scene = Stage.Build(basis, NoPose, [prop]);

        var lowest = scene.Body.Limbs.MinBy(scene.Clearance)!;
        Assert.True(scene.Clearance(lowest) > -0.6, $"{lowest.Name} sinks {-scene.Clearance(lowest):0.0} cm");
        Assert.True(scene.Clearance(lowest) < 0.6, $"the figure floats {scene.Clearance(lowest):0.0} cm above its support");
    }

    public static TheoryData<string, string> Bases() => new()
    {
        { "standing", "floor" }, { "seated", "chair" }, { "lying on back", "floor" }, { "lying on back", "foam roller" },
        { "lying face down", "floor" }, { "side-lying", "floor" }, { "hands and knees", "floor" },
    };

    [Fact]
    public void Near_limbs_are_drawn_after_far_ones()
    {
        var scene = Stage.Build("standing", NoPose, []);
        var order = FigureSvg.DrawOrder(scene, View.Find("side")!).Select(s => s.Name).ToList();
        var fromOtherSide = FigureSvg.DrawOrder(scene, View.Looking("other side", 180, 0)).Select(s => s.Name).ToList();

        // The side view looks at the figure's right side.
        Assert.True(order.IndexOf("r.upper-arm") > order.IndexOf("spine.upper"));
        Assert.True(order.IndexOf("l.upper-arm") < order.IndexOf("spine.upper"));
        Assert.True(fromOtherSide.IndexOf("l.upper-arm") > fromOtherSide.IndexOf("r.upper-arm"));
    }

    [Fact]
    public void Every_shipped_figure_is_accessible_line_art_of_at_most_8_KB()
    {
        var snapshot = ContentLoader.Load(TempContent.ShippedRoot);

        Assert.All(snapshot.Stretches, stretch =>
        {
            Assert.NotNull(stretch.Illustration);
            Assert.InRange(stretch.Illustration.Frames.Count, 2, 4);
            Assert.All(stretch.Illustration.Frames, frame =>
            {
                Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(frame.Svg), 500, 8 * 1024);
                Assert.Contains($"role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(frame.Alt)}\"", frame.Svg, StringComparison.Ordinal);
                Assert.Contains("stroke=\"currentColor\"", frame.Svg, StringComparison.Ordinal);
                Assert.DoesNotContain("style", frame.Svg, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("<script", frame.Svg, StringComparison.OrdinalIgnoreCase);
            });
        });
    }

    [Fact]
    public void A_start_and_end_pair_shows_an_arrow_on_the_start_frame_only()
    {
        var chinTucks = ContentLoader.Load(TempContent.ShippedRoot).FindStretch("chin-tucks")!.Illustration!;

        Assert.Contains("fig-arrow", chinTucks.Frames[0].Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("fig-arrow", chinTucks.Frames[1].Svg, StringComparison.Ordinal);
        Assert.Equal(2 * Illustration.StepsPerMove, chinTucks.Motion.Count);
    }

    [Fact]
    public void A_chin_tuck_arrow_points_straight_back_at_the_chin_inside_the_figure()
    {
        Dictionary<string, double> forward = new() { ["neck.flex"] = 18, ["head.flex"] = -15 };
        var spec = HeadCloseUp(forward, new() { ["neck.flex"] = -6, ["head.flex"] = 14 });

        var svg = Illustration.Draw(spec).Frames[0].Svg;

        var (tail, tip, control) = ArrowIn(svg);
        var chin = Stage.Build("standing", forward, []).Body.Points["chin"];
        Assert.True(tip.X < tail.X - 10, $"the arrow should point back, toward the neck: {tail} -> {tip}");
        Assert.InRange(tail.Y - tip.Y, -1, 1);
        Assert.InRange(control.Y - tip.Y, -1, 1);
        Assert.InRange(tip.X - chin.X, 0, 6);
        Assert.InRange(tip.Y - (-chin.Y), -2, 2);
        var box = ViewBox(svg);
        Assert.True(tail.X + 5 <= box.X + box.W && tail.X - 5 >= box.X, $"the arrow's tail {tail} lies outside the box {box}");
    }

    [Fact]
    public void A_nod_keeps_its_curved_arrow_beside_the_head()
    {
        var spec = HeadCloseUp(new() { ["neck.flex"] = 40 }, new() { ["neck.flex"] = -40 });

        var (tail, tip, control) = ArrowIn(Illustration.Draw(spec).Frames[0].Svg);

        var (mx, my) = ((tail.X + tip.X) / 2, (tail.Y + tip.Y) / 2);
        Assert.True(Math.Sqrt(((control.X - mx) * (control.X - mx)) + ((control.Y - my) * (control.Y - my))) > 3, "a nod's arrow should curve");
    }

    private static IllustrationSpec HeadCloseUp(Dictionary<string, double> first, Dictionary<string, double> second) =>
        new("side", [], ["neck"], HeadOnly: true, [new("first", "standing", first, "First."), new("second", "standing", second, "Second.")]);

    /// <summary>The arrow's tail, the tip of its head and its curve's control point, in SVG units.</summary>
    private static ((double X, double Y) Tail, (double X, double Y) Tip, (double X, double Y) Control) ArrowIn(string svg)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            svg, @"class=""fig-arrow""[^>]*><path d=""M(-?\d+) (-?\d+)Q(-?\d+) (-?\d+) -?\d+ -?\d+""/><path [^>]*d=""M(-?\d+) (-?\d+)L");
        Assert.True(match.Success, "no arrow in " + svg);
        double At(int group) => double.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return ((At(1), At(2)), (At(5), At(6)), (At(3), At(4)));
    }

    private static (double X, double Y, double W, double H) ViewBox(string svg)
    {
        var parts = System.Text.RegularExpressions.Regex.Match(svg, @"viewBox=""([^""]+)""").Groups[1].Value.Split(' ')
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (parts[0], parts[1], parts[2], parts[3]);
    }
}
