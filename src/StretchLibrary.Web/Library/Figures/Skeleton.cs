namespace StretchLibrary.Web.Library.Figures;

/// <summary>A body part drawn as a rounded limb from <see cref="A"/> (radius <see cref="Ra"/>) to <see cref="B"/>.</summary>
public sealed record Capsule(string Name, Vec3 A, Vec3 B, double Ra, double Rb)
{
    public Capsule Shifted(Vec3 by) => this with { A = A + by, B = B + by };

    /// <summary>The lowest point of the limb's surface.</summary>
    public double Bottom => Math.Min(A.Y - Ra, B.Y - Rb);
}

/// <summary>A posed body: its limbs, and the head's centre and facing, in world centimetres.</summary>
public sealed record PosedBody(IReadOnlyList<Capsule> Limbs, Vec3 HeadCenter, Mat3 HeadFrame, IReadOnlyDictionary<string, Vec3> Points)
{
    public const double HeadRadius = 11;

    public Capsule Limb(string name) => Limbs.First(l => l.Name == name);

    public PosedBody Shifted(Vec3 by) => new(
        [.. Limbs.Select(l => l.Shifted(by))],
        HeadCenter + by,
        HeadFrame,
        Points.ToDictionary(p => p.Key, p => p.Value + by, StringComparer.Ordinal));

    public IEnumerable<Vec3> AllPoints => Limbs.SelectMany(l => new[] { l.A, l.B }).Append(HeadCenter);
}

/// <summary>
/// The articulated body: an adult about 180 cm tall, its segments chained from the pelvis, each rotated by its
/// joint's angles in the parent's frame (x forward, y up, z right).
/// </summary>
public static class Skeleton
{
    public static readonly IReadOnlyList<string> SegmentNames =
    [
        "pelvis", "spine.lower", "spine.upper", "shoulders", "neck", "head",
        "l.upper-arm", "l.forearm", "l.hand", "r.upper-arm", "r.forearm", "r.hand",
        "l.thigh", "l.shin", "l.foot", "r.thigh", "r.shin", "r.foot",
    ];

    public static PosedBody Pose(Func<string, double> angle, Mat3 root, Vec3 pelvis)
    {
        // Sized up front and with every joint name made once: a figure's pose searches call this thousands of
        // times; growing the dictionary alone was a tenth of drawing a figure (bench/README.md, "Start-up").
        var limbs = new List<Capsule>(SegmentNames.Count);
        var points = new Dictionary<string, Vec3>(PointCount, StringComparer.Ordinal) { ["pelvis"] = pelvis };
        var r0 = root * Mat3.RotZ(-angle("body.pitch")) * Mat3.RotX(angle("body.roll")) * Mat3.RotY(-angle("body.yaw"));
        limbs.Add(new("pelvis", pelvis + r0.Apply(new(0, -1, -8)), pelvis + r0.Apply(new(0, -1, 8)), 11, 11));

        var l0 = pelvis + r0.Apply(new(0, 6, 0));
        var rl = r0 * Spine(angle, LowerSpine);
        var t12 = l0 + rl.Apply(new(0, 18, 0));
        limbs.Add(new("spine.lower", l0, t12, 11, 11.5));
        var ru = rl * Spine(angle, UpperSpine);
        var c7 = t12 + ru.Apply(new(0, 27, 0));
        limbs.Add(new("spine.upper", t12 + ru.Apply(new(0.5, 2, 0)), t12 + ru.Apply(new(0, 19, 0)), 12, 12.5));
        var shoulderL = t12 + ru.Apply(new(0, 22, -17));
        var shoulderR = t12 + ru.Apply(new(0, 22, 17));
        limbs.Add(new("shoulders", shoulderL, shoulderR, 6, 6));
        points["t12"] = t12;
        points["c7"] = c7;

        var rn = ru * Spine(angle, Neck);
        var c1 = c7 + rn.Apply(new(0, 11, 0));
        limbs.Add(new("neck", c7, c1, 5.5, 5));
        var rh = rn * Mat3.RotZ(-angle("head.flex"));
        var head = c1 + rh.Apply(new(-1, 9, 0));
        points["c1"] = c1;
        points["head"] = head;
        points["nose"] = head + rh.Apply(new(13, -3, 0));
        points["chin"] = head + rh.Apply(new(8, -8, 0));

        foreach (var (n, shoulder) in new[] { (Left, shoulderL), (Right, shoulderR) })
        {
            var sign = n.Sign;
            var arm = ru * Mat3.RotZ(angle(n.ShoulderFlex)) * Mat3.RotX(-sign * angle(n.ShoulderAbd))
                * Mat3.RotY(-sign * angle(n.ShoulderRot));
            var elbow = shoulder + arm.Apply(new(0, -29, 0));
            var fore = arm * Mat3.RotZ(angle(n.ElbowFlex));
            var wrist = elbow + fore.Apply(new(0, -25, 0));
            var hand = fore * Mat3.RotZ(angle(n.WristFlex));
            var fingers = wrist + hand.Apply(new(0, -9, 0));
            limbs.Add(new(n.UpperArm, shoulder, elbow, 5, 4.2));
            limbs.Add(new(n.Forearm, elbow, wrist, 4, 3));
            limbs.Add(new(n.Hand, wrist, fingers, 3, 2.6));
            points[n.Elbow] = elbow;
            points[n.Hand] = fingers;

            var hip = pelvis + r0.Apply(new(0, -4, 9 * sign));
            var thigh = r0 * Mat3.RotZ(angle(n.HipFlex)) * Mat3.RotX(-sign * angle(n.HipAbd))
                * Mat3.RotY(-sign * angle(n.HipRot));
            var knee = hip + thigh.Apply(new(0, -44, 0));
            var shin = thigh * Mat3.RotZ(-angle(n.KneeFlex));
            var ankle = knee + shin.Apply(new(0, -42, 0));
            var foot = shin * Mat3.RotZ(angle(n.AnkleFlex));
            limbs.Add(new(n.Thigh, hip, knee, 8, 5.5));
            limbs.Add(new(n.Shin, knee, ankle, 5.5, 3.8));
            limbs.Add(new(n.Foot, ankle + foot.Apply(new(-4, -6, 0)), ankle + foot.Apply(new(15, -6.5, 0)), 3.5, 2.5));
            points[n.Hip] = hip;
            points[n.Knee] = knee;
            points[n.Ankle] = ankle;
        }

        return new PosedBody(limbs, head, rh, points);
    }

    /// <summary>pelvis, t12, c7, c1, head, nose, chin, and elbow, hand, hip, knee and ankle on each side.</summary>
    private const int PointCount = 17;

    private static readonly SpineNames LowerSpine = new("spine.lower");
    private static readonly SpineNames UpperSpine = new("spine.upper");
    private static readonly SpineNames Neck = new("neck");
    private static readonly SideNames Left = new("l", -1);
    private static readonly SideNames Right = new("r", 1);

    private static Mat3 Spine(Func<string, double> angle, SpineNames joint) =>
        Mat3.RotZ(-angle(joint.Flex)) * Mat3.RotX(angle(joint.Side)) * Mat3.RotY(-angle(joint.Rot));

    private sealed class SpineNames(string joint)
    {
        public string Flex { get; } = joint + ".flex";

        public string Side { get; } = joint + ".side";

        public string Rot { get; } = joint + ".rot";
    }

    /// <summary>One side's joint angles, limbs and points, by name.</summary>
    private sealed class SideNames(string side, double sign)
    {
        public double Sign => sign;

        public string ShoulderFlex { get; } = side + ".shoulder.flex";

        public string ShoulderAbd { get; } = side + ".shoulder.abd";

        public string ShoulderRot { get; } = side + ".shoulder.rot";

        public string ElbowFlex { get; } = side + ".elbow.flex";

        public string WristFlex { get; } = side + ".wrist.flex";

        public string HipFlex { get; } = side + ".hip.flex";

        public string HipAbd { get; } = side + ".hip.abd";

        public string HipRot { get; } = side + ".hip.rot";

        public string KneeFlex { get; } = side + ".knee.flex";

        public string AnkleFlex { get; } = side + ".ankle.flex";

        public string UpperArm { get; } = side + ".upper-arm";

        public string Forearm { get; } = side + ".forearm";

        public string Hand { get; } = side + ".hand";

        public string Thigh { get; } = side + ".thigh";

        public string Shin { get; } = side + ".shin";

        public string Foot { get; } = side + ".foot";

        public string Elbow { get; } = side + ".elbow";

        public string Hip { get; } = side + ".hip";

        public string Knee { get; } = side + ".knee";

        public string Ankle { get; } = side + ".ankle";
    }
}
