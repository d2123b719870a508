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
        var limbs = new List<Capsule>();
        var points = new Dictionary<string, Vec3>(StringComparer.Ordinal) { ["pelvis"] = pelvis };
        var r0 = root * Mat3.RotZ(-angle("body.pitch")) * Mat3.RotX(angle("body.roll")) * Mat3.RotY(-angle("body.yaw"));
        limbs.Add(new("pelvis", pelvis + r0.Apply(new(0, -1, -8)), pelvis + r0.Apply(new(0, -1, 8)), 11, 11));

        var l0 = pelvis + r0.Apply(new(0, 6, 0));
        var rl = r0 * Spine(angle, "spine.lower");
        var t12 = l0 + rl.Apply(new(0, 18, 0));
        limbs.Add(new("spine.lower", l0, t12, 11, 11.5));
        var ru = rl * Spine(angle, "spine.upper");
        var c7 = t12 + ru.Apply(new(0, 27, 0));
        limbs.Add(new("spine.upper", t12 + ru.Apply(new(0.5, 2, 0)), t12 + ru.Apply(new(0, 19, 0)), 12, 12.5));
        var shoulderL = t12 + ru.Apply(new(0, 22, -17));
        var shoulderR = t12 + ru.Apply(new(0, 22, 17));
        limbs.Add(new("shoulders", shoulderL, shoulderR, 6, 6));
        points["t12"] = t12;
        points["c7"] = c7;

        var rn = ru * Spine(angle, "neck");
        var c1 = c7 + rn.Apply(new(0, 11, 0));
        limbs.Add(new("neck", c7, c1, 5.5, 5));
        var rh = rn * Mat3.RotZ(-angle("head.flex"));
        var head = c1 + rh.Apply(new(-1, 9, 0));
        points["c1"] = c1;
        points["head"] = head;
        points["nose"] = head + rh.Apply(new(13, -3, 0));
        points["chin"] = head + rh.Apply(new(8, -8, 0));

        foreach (var (side, sign, shoulder) in new[] { ("l", -1.0, shoulderL), ("r", 1.0, shoulderR) })
        {
            var arm = ru * Mat3.RotZ(angle($"{side}.shoulder.flex")) * Mat3.RotX(-sign * angle($"{side}.shoulder.abd"))
                * Mat3.RotY(-sign * angle($"{side}.shoulder.rot"));
            var elbow = shoulder + arm.Apply(new(0, -29, 0));
            var fore = arm * Mat3.RotZ(angle($"{side}.elbow.flex"));
            var wrist = elbow + fore.Apply(new(0, -25, 0));
            var hand = fore * Mat3.RotZ(angle($"{side}.wrist.flex"));
            var fingers = wrist + hand.Apply(new(0, -9, 0));
            limbs.Add(new($"{side}.upper-arm", shoulder, elbow, 5, 4.2));
            limbs.Add(new($"{side}.forearm", elbow, wrist, 4, 3));
            limbs.Add(new($"{side}.hand", wrist, fingers, 3, 2.6));
            points[$"{side}.elbow"] = elbow;
            points[$"{side}.hand"] = fingers;

            var hip = pelvis + r0.Apply(new(0, -4, 9 * sign));
            var thigh = r0 * Mat3.RotZ(angle($"{side}.hip.flex")) * Mat3.RotX(-sign * angle($"{side}.hip.abd"))
                * Mat3.RotY(-sign * angle($"{side}.hip.rot"));
            var knee = hip + thigh.Apply(new(0, -44, 0));
            var shin = thigh * Mat3.RotZ(-angle($"{side}.knee.flex"));
            var ankle = knee + shin.Apply(new(0, -42, 0));
            var foot = shin * Mat3.RotZ(angle($"{side}.ankle.flex"));
            limbs.Add(new($"{side}.thigh", hip, knee, 8, 5.5));
            limbs.Add(new($"{side}.shin", knee, ankle, 5.5, 3.8));
            limbs.Add(new($"{side}.foot", ankle + foot.Apply(new(-4, -6, 0)), ankle + foot.Apply(new(15, -6.5, 0)), 3.5, 2.5));
            points[$"{side}.hip"] = hip;
            points[$"{side}.knee"] = knee;
            points[$"{side}.ankle"] = ankle;
        }

        return new PosedBody(limbs, head, rh, points);
    }

    private static Mat3 Spine(Func<string, double> angle, string joint) =>
        Mat3.RotZ(-angle($"{joint}.flex")) * Mat3.RotX(angle($"{joint}.side")) * Mat3.RotY(-angle($"{joint}.rot"));
}
