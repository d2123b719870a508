namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// Sets the arm joints so the hands do what a frame says (<c>clasped</c>: the hands meet and hold each other;
/// <c>behind head</c>: the fingers meet at the back of the head), starting from the authored angles and moving
/// them as little as it can. The rest of the pose is left alone.
/// </summary>
public static class Reach
{
    private static readonly string[] BothSides = ["l", "r"];
    private static readonly string[] RightOnly = ["r"];

    private static readonly (string Joint, double Min, double Max)[] ArmJoints =
        [("shoulder.flex", -60, 180), ("shoulder.abd", -30, 180), ("shoulder.rot", -90, 90), ("elbow.flex", 0, 150), ("wrist.flex", -70, 80)];

    public static void Hands(Dictionary<string, double> angles, Mat3 orientation, string hands)
    {
        var start = Skeleton.Pose(Angle(angles), orientation, default);
        var authored = new Dictionary<string, double>(angles, StringComparer.Ordinal);
        foreach (var side in hands is FigureFrame.RightOnSide or FigureFrame.RightBehindHead ? RightOnly : BothSides)
        {
            var target = Target(start, side, hands);
            var point = hands == FigureFrame.Clasped ? (Func<PosedBody, Vec3>)(b => Middle(b.Limb($"{side}.hand"))) : b => b.Points[$"{side}.hand"];
            for (var round = 0; round < 4; round++)
            {
                foreach (var (joint, min, max) in ArmJoints)
                {
                    var name = $"{side}.{joint}";
                    var from = authored.GetValueOrDefault(name);
                    angles[name] = Search(min, max, a =>
                    {
                        angles[name] = a;
                        var body = Skeleton.Pose(Angle(angles), orientation, default);
                        var miss = (point(body) - target).Length;
                        return miss + (Math.Abs(a - from) * 0.01) + (hands == FigureFrame.BehindHead ? Wide(body, side) : 0);
                    });
                }
            }
        }
    }

    /// <summary>What elbows pointing forward or back cost a pose with the hands behind the head: they belong out to the sides.</summary>
    private static double Wide(PosedBody body, string side)
    {
        var (forward, outward) = ElbowOffsets(body, side);
        return 0.3 * (Math.Abs(forward) + Math.Max(0, WideElbow - outward));
    }

    /// <summary>How far out to the side of its shoulder an elbow goes with the hands behind the head (cm).</summary>
    private const double WideElbow = 15;

    /// <summary>Where a hand should end up, from the authored pose: both hands meet on the body's midline, or behind the head.</summary>
    private static Vec3 Target(PosedBody body, string side, string hands)
    {
        if (hands == FigureFrame.RightOnSide)
        {
            return OnSide(body);
        }

        if (hands is FigureFrame.BehindHead or FigureFrame.RightBehindHead)
        {
            return body.HeadCenter + body.HeadFrame.Apply(new(-10, 1, side == "l" ? -3 : 3));
        }

        var shoulders = body.Limb("shoulders");
        var across = (shoulders.B - shoulders.A).Normalized();
        var middle = Vec3.Lerp(shoulders.A, shoulders.B, 0.5);
        var meet = Vec3.Lerp(Middle(body.Limb("l.hand")), Middle(body.Limb("r.hand")), 0.5);
        return meet - (across * (meet - middle).Dot(across));
    }

    /// <summary>On the right flank between the top of the hip and the lowest ribs, just outside the body.</summary>
    public static Vec3 OnSide(PosedBody body)
    {
        var pelvis = body.Points["pelvis"];
        var outward = (body.Points["r.hip"] - body.Points["l.hip"]).Normalized();
        return pelvis + ((body.Points["t12"] - pelvis) * 0.55) + (outward * 14);
    }

    /// <summary>
    /// How far an elbow sits in front of its shoulder and out to the side of it (cm), in the upper trunk's own
    /// directions: hands behind the head hold the elbows out wide, not forward as in a crunch.
    /// </summary>
    public static (double Forward, double Outward) ElbowOffsets(PosedBody body, string side)
    {
        var shoulders = body.Limb("shoulders");
        var across = (shoulders.B - shoulders.A).Normalized();
        var forward = (body.Points["c7"] - body.Points["t12"]).Normalized().Cross(across);
        var offset = body.Points[$"{side}.elbow"] - (side == "l" ? shoulders.A : shoulders.B);
        return (offset.Dot(forward), offset.Dot(across) * (side == "l" ? -1 : 1));
    }

    private static Vec3 Middle(Capsule c) => Vec3.Lerp(c.A, c.B, 0.5);

    /// <summary>The angle in [from, to] with the lowest cost: every 2 degrees, then every half degree around the best.</summary>
    private static double Search(double from, double to, Func<double, double> cost)
    {
        var best = (Cost: double.PositiveInfinity, At: from);
        for (var x = from; x <= to + 1e-9; x += 2)
        {
            var c = cost(x);
            best = c < best.Cost ? (c, x) : best;
        }

        for (var x = Math.Max(from, best.At - 2); x <= Math.Min(to, best.At + 2) + 1e-9; x += 0.5)
        {
            var c = cost(x);
            best = c < best.Cost ? (c, x) : best;
        }

        return best.At;
    }

    private static Func<string, double> Angle(Dictionary<string, double> angles) => name => angles.GetValueOrDefault(name);
}
