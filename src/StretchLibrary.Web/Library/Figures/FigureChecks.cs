namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// What can be checked on a drawn frame, so a pose that would teach the movement wrong is reported with its line
/// rather than found by a reader: no body part through a prop or the floor, clasped hands that hold each other,
/// hands behind the head or on the side that are there, and a lying head that rests unless the frame lifts it.
/// </summary>
public static class FigureChecks
{
    /// <summary>How far (cm) a part may sink into the floor or a prop: soft tissue, and the sampling of round parts.</summary>
    public const double Tolerance = 2;

    /// <summary>Hands count as clasped when their middles are this close (cm).</summary>
    public const double ClaspDistance = 6;

    /// <summary>Fingertips count as behind the head within this distance of its outline (cm).</summary>
    public const double HeadReach = 6;

    /// <summary>A lying head rests when its underside is within this of what is under it (cm).</summary>
    public const double HeadRest = 3;

    private static readonly string[] Lying = ["lying on back", "lying face down", "side-lying"];

    /// <summary>
    /// What is wrong with a frame's pose, and, given the view it is drawn in, with its arrow (an arrow under the
    /// floor points at nothing a person can do).
    /// </summary>
    public static IEnumerable<string> Check(FigureFrame frame, Scene scene, View? view = null, Arrow? arrow = null)
    {
        if (view is not null && arrow is not null && view.Name != "top" && UnderFloor(scene, view, arrow) is var under && under > Tolerance)
        {
            yield return $"the arrow goes {under:0} cm below the floor";
        }

        if (view is not null)
        {
            foreach (var problem in FaceProblems(frame, scene, view))
            {
                yield return problem;
            }
        }

        var body = scene.Body;
        var parts = body.Limbs.Append(new Capsule("head", body.HeadCenter, body.HeadCenter, PosedBody.HeadRadius, PosedBody.HeadRadius)).ToList();
        foreach (var part in parts)
        {
            var (floor, props) = Deepest(part, scene.Props);
            if (floor > Tolerance)
            {
                yield return $"the {Describe(part.Name)} goes {floor:0} cm below the floor";
            }

            foreach (var (prop, depth) in props.Where(p => p.Depth > Tolerance))
            {
                yield return $"the {Describe(part.Name)} goes {depth:0} cm into the {prop}";
            }
        }

        if (frame.Hands == FigureFrame.Clasped)
        {
            var apart = (Middle(body.Limb("l.hand")) - Middle(body.Limb("r.hand"))).Length;
            if (apart > ClaspDistance)
            {
                yield return $"the hands are {apart:0} cm apart but the frame says clasped (at most {ClaspDistance:0} cm)";
            }
        }
        else if (frame.Hands is FigureFrame.BehindHead or FigureFrame.RightBehindHead)
        {
            foreach (var side in frame.Hands == FigureFrame.BehindHead ? ["l", "r"] : new[] { "r" })
            {
                var off = (body.Points[$"{side}.hand"] - body.HeadCenter).Length - PosedBody.HeadRadius;
                if (off > HeadReach)
                {
                    yield return $"the {(side == "l" ? "left" : "right")} hand is {off:0} cm from the head but the frame says behind head";
                }

                // Both hands behind the head hold the elbows wide; one hand there may point its elbow anywhere (quadruped rotation turns it from the floor to the ceiling).
                var (forward, outward) = Reach.ElbowOffsets(body, side);
                if (frame.Hands == FigureFrame.BehindHead && Math.Abs(forward) > outward)
                {
                    yield return $"the {(side == "l" ? "left" : "right")} elbow points {(forward > 0 ? "forward" : "back")} ({Math.Abs(forward):0} cm {(forward > 0 ? "in front of" : "behind")} the shoulder, {outward:0} cm out to the side) but hands behind the head keep the elbows out to the sides";
                }
            }
        }

        else if (frame.Hands == FigureFrame.RightOnSide)
        {
            var off = (body.Points["r.hand"] - Reach.OnSide(body)).Length;
            if (off > HeadReach)
            {
                yield return $"the right hand is {off:0} cm from the side above the hip but the frame says right hand on side";
            }
        }

        if (Lying.Contains(frame.Base) && frame.Head != FigureFrame.Lifted)
        {
            var center = body.HeadCenter;
            var gap = center.Y - PosedBody.HeadRadius - scene.SupportAt(center.X, center.Z);
            if (gap > HeadRest)
            {
                yield return $"the head is {gap:0} cm above the floor but a lying head rests (write 'head: lifted' if it is raised)";
            }
        }
    }

    /// <summary>Words in a frame's text that say where the eyes go, so its face must be seen.</summary>
    private static readonly System.Text.RegularExpressions.Regex Gaze = new(@"\b(eyes?|gaze|looking)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// A face that a limb drawn in front of it covers (an arm across the eyes teaches the wrong movement), and a
    /// frame whose text says where the eyes go while the view shows no face at all (turned away or covered).
    /// </summary>
    public static IEnumerable<string> FaceProblems(FigureFrame frame, Scene scene, View view)
    {
        var marks = FigureSvg.FaceMarks(scene.Body, view);
        var order = FigureSvg.DrawOrder(scene, view);
        var head = order.ToList().FindIndex(s => s.Name == "head");
        var over = order.Skip(head + 1).OfType<LimbShape>().Where(l => l.Name != "neck").Select(l => l.Capsule).ToList();
        var covered = marks.Select(m => (m.Mark, By: over.FirstOrDefault(c => Covers(view, c, m.At))?.Name)).ToList();
        if (covered.FirstOrDefault(c => c.By is not null) is { By: { } by, Mark: var mark })
        {
            yield return $"the {Describe(by)} is drawn over the face ({(mark == "nose" ? "the nose" : "an eye")}) in this view";
        }

        if (Gaze.IsMatch(frame.Alt) && covered.All(c => c.By is not null))
        {
            yield return marks.Count == 0
                ? $"the text says where the eyes go but the face is turned away in the '{view.Name}' view"
                : "the text says where the eyes go but the face is covered in this view";
        }
    }

    /// <summary>Whether a limb as drawn (its outline, projected) lies over a point.</summary>
    private static bool Covers(View view, Capsule limb, Vec3 point)
    {
        var (px, py) = view.Project(point);
        var (ax, ay) = view.Project(limb.A);
        var (bx, by) = view.Project(limb.B);
        var (dx, dy) = (bx - ax, by - ay);
        var length = (dx * dx) + (dy * dy);
        var t = length < 1e-9 ? 0 : Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / length, 0, 1);
        var (cx, cy) = (ax + (t * dx) - px, ay + (t * dy) - py);
        return Math.Sqrt((cx * cx) + (cy * cy)) < limb.Ra + ((limb.Rb - limb.Ra) * t);
    }

    private static (double Floor, List<(string Prop, double Depth)> Props) Deepest(Capsule part, IReadOnlyList<Prop> props)
    {
        var floor = double.NegativeInfinity;
        var depths = props.Select(p => (Prop: p.Name, Depth: double.NegativeInfinity)).ToList();
        for (var i = 0; i <= 12; i++)
        {
            var t = i / 12.0;
            var p = Vec3.Lerp(part.A, part.B, t);
            var r = part.Ra + ((part.Rb - part.Ra) * t);
            floor = Math.Max(floor, r - p.Y);
            for (var k = 0; k < props.Count; k++)
            {
                depths[k] = (depths[k].Prop, Math.Max(depths[k].Depth, props[k].Penetration(p, r)));
            }
        }

        return (floor, depths);
    }

    /// <summary>How far (SVG units, a centimetre each) the arrow's curve dips below the floor's outline as drawn.</summary>
    public static double UnderFloor(Scene scene, View view, Arrow arrow)
    {
        var floor = FigureSvg.FloorCorners(scene).Select(view.Project).ToArray();
        var deepest = double.NegativeInfinity;
        for (var i = 0; i <= 16; i++)
        {
            var t = i / 16.0;
            var x = ((1 - t) * (1 - t) * arrow.From.X) + (2 * (1 - t) * t * arrow.Control.X) + (t * t * arrow.To.X);
            var y = ((1 - t) * (1 - t) * arrow.From.Y) + (2 * (1 - t) * t * arrow.Control.Y) + (t * t * arrow.To.Y);
            // The floor's lowest edge on screen at this x (SVG y grows downward).
            var edge = double.NegativeInfinity;
            for (var k = 0; k < floor.Length; k++)
            {
                var (a, b) = (floor[k], floor[(k + 1) % floor.Length]);
                if (x >= Math.Min(a.X, b.X) && x <= Math.Max(a.X, b.X))
                {
                    edge = Math.Max(edge, Math.Abs(b.X - a.X) < 1e-9 ? Math.Max(a.Y, b.Y) : a.Y + ((b.Y - a.Y) * (x - a.X) / (b.X - a.X)));
                }
            }

            if (!double.IsNegativeInfinity(edge))
            {
                deepest = Math.Max(deepest, y - edge);
            }
        }

        return deepest;
    }

    private static Vec3 Middle(Capsule c) => Vec3.Lerp(c.A, c.B, 0.5);

    private static string Describe(string part) => part
        .Replace("l.", "left ", StringComparison.Ordinal)
        .Replace("r.", "right ", StringComparison.Ordinal)
        .Replace("spine.lower", "lower back", StringComparison.Ordinal)
        .Replace("spine.upper", "upper back", StringComparison.Ordinal)
        .Replace('-', ' ');
}
