using System.Text.Json.Serialization;

namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// One still of a stretch: a base position plus joint overrides (degrees), and its text alternative. Optional:
/// its own props and camera (<see cref="View"/>), what the hands do (<see cref="Hands"/>: <c>clasped</c> or
/// <c>behind head</c>, <c>right hand on side</c>, <c>right hand behind head</c>, posed so and checked), and <see cref="Head"/> <c>lifted</c> where a lying figure raises its
/// head (otherwise a lying head must rest). <see cref="Line"/> is where the frame is written, for problems.
/// </summary>
public sealed record FigureFrame(
    string Name,
    string Base,
    IReadOnlyDictionary<string, double> Pose,
    string Alt,
    IReadOnlyList<string>? Props = null,
    string? View = null,
    string? Hands = null,
    string? Head = null,
    [property: JsonIgnore] int Line = 0)
{
    public const string Clasped = "clasped";
    public const string BehindHead = "behind head";
    public const string RightOnSide = "right hand on side";
    public const string RightBehindHead = "right hand behind head";
    public const string Lifted = "lifted";

    public static readonly IReadOnlyList<string> HandsValues = [Clasped, BehindHead, RightOnSide, RightBehindHead];
}

/// <summary>
/// What an author writes under <c>illustration:</c> in a stretch's front matter. <see cref="BothWays"/>
/// (<c>arrows: both ways</c>) draws each arrow with a head at both ends, for a movement done to and fro.
/// </summary>
public sealed record IllustrationSpec(string View, IReadOnlyList<string> Props, IReadOnlyList<string> Highlight, bool HeadOnly, IReadOnlyList<FigureFrame> Frames, bool BothWays = false);

/// <summary>A frame drawn as SVG (at most a few KB).</summary>
public sealed record DrawnFrame(string Name, string Alt, string Svg);

/// <summary>Something a frame's drawing gets wrong (a limb through a prop, hands apart that should be clasped).</summary>
public sealed record FigureProblem(int Frame, string Reason);

/// <summary>
/// A stretch's figures, drawn once when content loads: one SVG per frame (with a movement arrow toward the next
/// frame), the in-between SVGs the guided player flips through (eased, frame to frame and back to the first), and
/// what <see cref="FigureChecks"/> found wrong with each frame.
/// </summary>
public sealed record Illustration(IllustrationSpec Spec, IReadOnlyList<DrawnFrame> Frames, IReadOnlyList<string> Motion)
{
    /// <summary>In-between drawings per move from one frame to the next.</summary>
    public const int StepsPerMove = 8;

    public IReadOnlyList<FigureProblem> Problems { get; init; } = [];

    /// <summary>The frame that shows the stretch best on its own: where the first movement ends.</summary>
    public DrawnFrame KeyFrame => Frames[Math.Min(1, Frames.Count - 1)];

    public DrawnFrame? Find(string name) => Frames.FirstOrDefault(f => f.Name == name);

    public static Illustration Draw(IllustrationSpec spec)
    {
        var views = spec.Frames.Select(f => View.Find(f.View ?? spec.View) ?? throw new ArgumentException($"unknown view '{f.View ?? spec.View}'", nameof(spec))).ToArray();
        var angles = spec.Frames.Select(Angles).ToArray();
        var scenes = spec.Frames.Select((f, i) => Stage.Build(f.Base, angles[i], f.Props ?? spec.Props)).ToArray();
        var moves = Enumerable.Range(0, spec.Frames.Count > 1 ? spec.Frames.Count : 0).Select(i => (From: i, To: (i + 1) % spec.Frames.Count)).ToArray();
        var between = moves.Select(m => Enumerable.Range(0, StepsPerMove)
            .Select(k => Between(spec, angles, m.From, m.To, Ease(k / (double)StepsPerMove))).ToArray()).ToArray();
        var arrows = spec.Frames.Select((_, i) => ArrowMove(spec, i) is { } move
            ? ArrowFor(views[i], scenes[i], scenes[move.From], Between(spec, angles, move.From, move.To, 0.5), scenes[move.To], spec.HeadOnly) is { } arrow
                ? arrow with { BothWays = spec.BothWays }
                : null
            : null).ToArray();
        // Frames from the same base position and camera share one box (arrows included), so they line up side by side and animate in place.
        bool Together(int a, int b) => spec.Frames[a].Base == spec.Frames[b].Base && views[a] == views[b];
        IEnumerable<Scene> Group(int i) => scenes.Where((_, j) => Together(i, j))
            .Concat(between.Where((_, m) => Together(i, moves[m].From) && Together(i, moves[m].To)).SelectMany(b => b));
        var fitted = spec.Frames.Select((f, i) => FigureSvg.Enclose(
            FigureSvg.Bounds(Group(i), views[i], spec.HeadOnly),
            arrows.Where((a, j) => a is not null && Together(i, j)).OfType<Arrow>())).ToArray();
        // Every frame of a stretch as tall as its tallest, the figure on the bottom edge: shown side by side at one
        // height, a lying frame and a seated one of the same stretch are drawn at the same scale.
        var tallest = fitted.Max(b => b.H);
        var boxes = fitted.Select(b => FigureSvg.Grown(b, tallest)).ToArray();
        // One floor under the frames that share a box, so it stays put from frame to frame.
        var floors = spec.Frames.Select((_, i) => FigureSvg.FloorCorners(Group(i))).ToArray();

        var frames = spec.Frames.Select((f, i) => new DrawnFrame(f.Name, f.Alt, FigureSvg.Render(scenes[i], views[i], boxes[i], f.Alt, spec.Highlight, arrows[i], floors[i]))).ToArray();
        var motion = between.SelectMany((b, m) => b.Select(s => FigureSvg.Render(s, views[moves[m].From], boxes[moves[m].From], null, spec.Highlight, floor: floors[moves[m].From]))).ToArray();
        var problems = spec.Frames.SelectMany((f, i) => FigureChecks.Check(f, scenes[i], views[i], arrows[i]).Select(reason => new FigureProblem(i, reason))).ToArray();
        return new Illustration(spec, frames, motion) { Problems = problems };
    }

    /// <summary>
    /// Which move a frame's arrow shows. Frames in the same position (base and props) form a group: in a pair the
    /// first frame points to the second; in a longer group (I, Y, T) each later frame shows how it left the first.
    /// </summary>
    private static (int From, int To)? ArrowMove(IllustrationSpec spec, int index)
    {
        var frame = spec.Frames[index];
        var group = Enumerable.Range(0, spec.Frames.Count)
            .Where(i => spec.Frames[i].Base == frame.Base && (spec.Frames[i].Props ?? spec.Props).SequenceEqual(frame.Props ?? spec.Props))
            .ToArray();
        return group.Length switch
        {
            2 when group[0] == index => (index, group[1]),
            > 2 when group[0] != index => (group[0], index),
            _ => null,
        };
    }

    /// <summary>Base angles with the frame's overrides on top, so two frames can be blended joint by joint.</summary>
    private static Dictionary<string, double> Angles(FigureFrame frame)
    {
        var angles = new Dictionary<string, double>(BasePosition.Find(frame.Base)?.Angles ?? new Dictionary<string, double>(), StringComparer.Ordinal);
        foreach (var (joint, degrees) in frame.Pose)
        {
            angles[joint] = degrees;
        }

        if (BasePosition.Find(frame.Base) is { } basis && frame.Hands is { } hands)
        {
            Reach.Hands(angles, basis.Orientation, hands);
        }

        return angles;
    }

    private static Scene Between(IllustrationSpec spec, Dictionary<string, double>[] angles, int from, int to, double t)
    {
        var a = angles[from];
        var b = angles[to];
        var blended = a.Keys.Union(b.Keys).ToDictionary(
            k => k,
            k => a.GetValueOrDefault(k) + ((b.GetValueOrDefault(k) - a.GetValueOrDefault(k)) * t),
            StringComparer.Ordinal);
        var frame = t < 0.5 ? spec.Frames[from] : spec.Frames[to];
        return Stage.Build(frame.Base, blended, frame.Props ?? spec.Props);
    }

    /// <summary>Slow in, slow out.</summary>
    public static double Ease(double t) => (1 - Math.Cos(Math.PI * t)) / 2;

    private static readonly string[] Movers = ["l.hand", "r.hand", "l.elbow", "r.elbow", "nose", "head", "l.knee", "r.knee", "c7"];

    /// <summary>
    /// An arrow beside the part that moves furthest, curved through where it is halfway, on the side of it away
    /// from the floor (<paramref name="drawn"/> is the scene the arrow is drawn over).
    /// </summary>
    private static Arrow? ArrowFor(View view, Scene drawn, Scene from, Scene middle, Scene to, bool headOnly)
    {
        if (headOnly && GlideArrow(view, from, to) is { } glide)
        {
            return glide;
        }

        // A hand or knee that stays planted only slides with the body, and so does the elbow of an arm standing on
        // its hand: the arrow belongs to what moves, not to a support.
        static bool Planted(Scene scene, string m) => scene.Body.Points[m] is var p && p.Y - scene.SupportAt(p.X, p.Z) < 5;
        static bool Support(Scene scene, string m) => Planted(scene, m) || (m.EndsWith(".elbow", StringComparison.Ordinal) && Planted(scene, m[..2] + "hand"));
        var movers = (headOnly ? Movers.Where(m => m is "nose" or "head" or "c7") : Movers).Where(m => !(Support(from, m) && Support(to, m)));
        var moved = movers.Select(m => (Name: m, Distance: (to.Body.Points[m] - from.Body.Points[m]).Length)).ToList();
        var (name, distance) = moved.MaxBy(m => m.Distance);
        // A head that turns with the trunk follows the arm that leads the turn: the arrow goes with the arm.
        if (!headOnly && name is "nose" or "head" or "c7"
            && moved.Where(m => m.Name.EndsWith(".elbow", StringComparison.Ordinal) || m.Name.EndsWith(".hand", StringComparison.Ordinal)).MaxBy(m => m.Distance) is { Distance: var armDistance } arm
            && armDistance >= distance / 2)
        {
            (name, distance) = arm;
        }
        if (distance < (headOnly ? 2 : 8))
        {
            return null;
        }

        var p0 = view.Project(from.Body.Points[name]);
        var pm = view.Project(middle.Body.Points[name]);
        var p1 = view.Project(to.Body.Points[name]);
        var control = ((2 * pm.X) - ((p0.X + p1.X) / 2), (2 * pm.Y) - ((p0.Y + p1.Y) / 2));

        // Set the arrow off the limb, on the outside of the curve.
        var (cx, cy) = (p1.X - p0.X, p1.Y - p0.Y);
        var chord = Math.Max(1, Math.Sqrt((cx * cx) + (cy * cy)));
        var (nx, ny) = (-cy / chord, cx / chord);
        var bulge = ((pm.X - ((p0.X + p1.X) / 2)) * nx) + ((pm.Y - ((p0.Y + p1.Y) / 2)) * ny);
        var side = bulge >= 0 ? 1 : -1;
        var gap = headOnly ? 16 : 9;
        var (ox, oy) = (nx * gap * side, ny * gap * side);
        if (!headOnly && name == "nose" && Math.Abs(cx) > Math.Abs(cy) && TurnArrow(view, from, to) is { } turn)
        {
            return turn;
        }

        var arrow = ClearOfTrunk(view, drawn, new Arrow((p0.X + ox, p0.Y + oy), (control.Item1 + ox, control.Item2 + oy), (p1.X + ox, p1.Y + oy)), (nx * side, ny * side));
        if (view.Name == "top" || FigureChecks.UnderFloor(drawn, view, arrow) <= 0)
        {
            return arrow;
        }

        // A part moving along the floor: the arrow goes on its other side, or is lifted clear of the floor.
        var flipped = new Arrow((p0.X - ox, p0.Y - oy), (control.Item1 - ox, control.Item2 - oy), (p1.X - ox, p1.Y - oy));
        var under = FigureChecks.UnderFloor(drawn, view, flipped);
        return under <= 0 ? flipped : Lifted(flipped, under + 4);
    }

    /// <summary>
    /// An arrow that would cut across the trunk or head as drawn is slid sideways (the shorter way) until it goes
    /// around them, so it shows the path beside the body instead of crossing it.
    /// </summary>
    private static Arrow ClearOfTrunk(View view, Scene scene, Arrow arrow, (double X, double Y) normal)
    {
        var body = scene.Body;
        var parts = body.Limbs.Where(l => l.Name is "pelvis" or "spine.lower" or "spine.upper")
            .Append(new Capsule("head", body.HeadCenter, body.HeadCenter, PosedBody.HeadRadius, PosedBody.HeadRadius))
            .Select(l => (A: view.Project(l.A), B: view.Project(l.B), R: Math.Max(l.Ra, l.Rb) + 3)).ToList();
        bool Crosses(Arrow a)
        {
            for (var i = 1; i < 16; i++)
            {
                var t = i / 16.0;
                var x = ((1 - t) * (1 - t) * a.From.X) + (2 * (1 - t) * t * a.Control.X) + (t * t * a.To.X);
                var y = ((1 - t) * (1 - t) * a.From.Y) + (2 * (1 - t) * t * a.Control.Y) + (t * t * a.To.Y);
                if (parts.Any(p => Distance((x, y), p.A, p.B) < p.R))
                {
                    return true;
                }
            }

            return false;
        }

        if (!Crosses(arrow))
        {
            return arrow;
        }

        for (var by = 4; by <= 40; by += 4)
        {
            foreach (var sign in new[] { 1, -1 })
            {
                var moved = Shifted(arrow, normal.X * by * sign, normal.Y * by * sign);
                if (!Crosses(moved))
                {
                    return moved;
                }
            }
        }

        return arrow;
    }

    private static double Distance((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var length = (dx * dx) + (dy * dy);
        var t = length < 1e-9 ? 0 : Math.Clamp((((p.X - a.X) * dx) + ((p.Y - a.Y) * dy)) / length, 0, 1);
        var (cx, cy) = (a.X + (t * dx) - p.X, a.Y + (t * dy) - p.Y);
        return Math.Sqrt((cx * cx) + (cy * cy));
    }

    private static Arrow Shifted(Arrow arrow, double x, double y) =>
        new((arrow.From.X + x, arrow.From.Y + y), (arrow.Control.X + x, arrow.Control.Y + y), (arrow.To.X + x, arrow.To.Y + y), arrow.BothWays);

    private static Arrow Lifted(Arrow arrow, double by) =>
        new((arrow.From.X, arrow.From.Y - by), (arrow.Control.X, arrow.Control.Y - by), (arrow.To.X, arrow.To.Y - by), arrow.BothWays);

    /// <summary>
    /// A head turning left or right: an arc on a level circle floating over the head, from where the face pointed
    /// to where it points, so it reads as a turn (the nose's own path, seen from the front, is nearly a straight
    /// sideways line).
    /// </summary>
    private static Arrow? TurnArrow(View view, Scene from, Scene to)
    {
        var axis = new Vec3(0, 1, 0);
        Vec3 Level(Vec3 d) => d - (axis * d.Dot(axis));
        var (u, end) = (Level(from.Body.HeadFrame.Cx), Level(to.Body.HeadFrame.Cx));
        if (u.Length < 0.3 || end.Length < 0.3)
        {
            return null;
        }

        (u, end) = (u.Normalized(), end.Normalized());
        var v = axis.Cross(u);
        var angle = Math.Atan2(end.Dot(v), end.Dot(u));
        // Widened to most of a half turn around the middle of the movement: a short arc seen from the front is flat.
        var sweep = Math.Sign(angle) * Math.Max(Math.Abs(angle), 140 * Math.PI / 180);
        var first = (angle - sweep) / 2;
        const double Radius = PosedBody.HeadRadius + 12;
        var center = from.Body.HeadCenter + (axis * (PosedBody.HeadRadius + 28));
        (double X, double Y) At(double t) => view.Project(center + (((u * Math.Cos(first + (sweep * t))) + (v * Math.Sin(first + (sweep * t)))) * Radius));
        var (p0, pm, p1) = (At(0), At(0.5), At(1));
        return new Arrow(p0, ((2 * pm.X) - ((p0.X + p1.X) / 2), (2 * pm.Y) - ((p0.Y + p1.Y) / 2)), p1);
    }

    /// <summary>
    /// A head that slides without nodding or turning (a chin tuck draws it straight back) gets a straight arrow in
    /// front of the chin, ending just short of it and pointing the way the chin goes; an arc over the head would
    /// read as a nod.
    /// </summary>
    private static Arrow? GlideArrow(View view, Scene from, Scene to)
    {
        var turn = Math.Acos(Math.Clamp(from.Body.HeadFrame.Cx.Dot(to.Body.HeadFrame.Cx), -1, 1)) * 180 / Math.PI;
        var p0 = view.Project(from.Body.Points["chin"]);
        var p1 = view.Project(to.Body.Points["chin"]);
        var (dx, dy) = (p1.X - p0.X, p1.Y - p0.Y);
        var moved = Math.Sqrt((dx * dx) + (dy * dy));
        if (turn > 15 || moved < 1)
        {
            return null;
        }

        var (ux, uy) = (dx / moved, dy / moved);
        var length = Math.Max(moved, 12);
        var end = (X: p0.X - (ux * 3), Y: p0.Y - (uy * 3));
        var start = (X: end.X - (ux * length), Y: end.Y - (uy * length));
        return new Arrow(start, ((start.X + end.X) / 2, (start.Y + end.Y) / 2), end);
    }
}
