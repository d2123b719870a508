namespace StretchLibrary.Web.Library.Figures;

/// <summary>A posed body with its props, resolved so it rests on them: nothing floats, nothing sinks.</summary>
public sealed record Scene(PosedBody Body, IReadOnlyList<Prop> Props)
{
    public double SupportAt(double x, double z) => Props.Count == 0 ? 0 : Math.Max(0, Props.Max(p => p.SupportAt(x, z)));

    /// <summary>The smallest gap between a limb's surface and whatever is under it (negative: it sinks in).</summary>
    public double Clearance(Capsule limb)
    {
        var gap = double.PositiveInfinity;
        for (var i = 0; i <= 8; i++)
        {
            var t = i / 8.0;
            var p = Vec3.Lerp(limb.A, limb.B, t);
            var r = limb.Ra + ((limb.Rb - limb.Ra) * t);
            gap = Math.Min(gap, p.Y - r - SupportAt(p.X, p.Z));
        }

        return gap;
    }
}

/// <summary>Poses a body from a base position plus joint overrides and resolves its contacts with the props.</summary>
public static class Stage
{
    private static readonly Vec3 Start = new(0, 100, 0);

    public static Scene Build(string baseName, IReadOnlyDictionary<string, double> pose, IReadOnlyList<string> propNames)
    {
        var basis = BasePosition.Find(baseName) ?? throw new ArgumentException($"unknown base position '{baseName}'", nameof(baseName));
        var angles = new Dictionary<string, double>(basis.Angles, StringComparer.Ordinal);
        foreach (var (joint, degrees) in pose)
        {
            angles[joint] = degrees;
        }

        var first = Skeleton.Pose(Angle(angles), basis.Orientation, Start);
        var props = propNames.Select(name => Prop.Place(name, first)).OfType<Prop>().ToArray();
        // Planted feet are placed afterwards; on hands and knees the feet follow the floor once the knees are down,
        // so neither may decide how far the body drops.
        var planted = basis.PlantFeet ? new[] { "l.shin", "l.foot", "r.shin", "r.foot" }
            : basis.LevelWith is not null && !basis.RestsOn.Contains("l.foot") ? new[] { "l.foot", "r.foot" } : [];

        Scene Rest(Dictionary<string, double> a)
        {
            var body = Skeleton.Pose(Angle(a), basis.Orientation, Start);
            var scene = new Scene(body, props);
            var head = new Capsule("head", body.HeadCenter, body.HeadCenter, PosedBody.HeadRadius, PosedBody.HeadRadius);
            var lowest = body.Limbs.Where(l => !planted.Contains(l.Name)).Append(head).Min(scene.Clearance);
            return scene with { Body = body.Shifted(new(0, -lowest, 0)) };
        }

        if (basis.LevelWith is { } level)
        {
            var pitch0 = angles.GetValueOrDefault("body.pitch");
            Tip(level, pitch0);
            if (!basis.PlantFeet && planted.Length > 0)
            {
                // Kneeling: the shins lie along the floor from knee to ankle, so the knee (not only the ankle) bears weight.
                foreach (var side in new[] { "l", "r" })
                {
                    var knee0 = angles.GetValueOrDefault($"{side}.knee.flex");
                    angles[$"{side}.knee.flex"] = Search(0, 150, knee0, k =>
                    {
                        angles[$"{side}.knee.flex"] = k;
                        var shin = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Limb($"{side}.shin");
                        return Math.Abs((shin.A.Y - shin.Ra) - (shin.B.Y - shin.Rb)) + (Math.Abs(k - knee0) * 1e-3);
                    });
                }

                Tip(level, pitch0);
            }
        }

        // Tip the body until both groups rest (hips and upper back, or knees and hands).
        void Tip(IReadOnlyList<string> level, double pitch0)
        {
            angles["body.pitch"] = pitch0 + Search(-40, 40, 0, p =>
            {
                angles["body.pitch"] = pitch0 + p;
                var scene = Rest(angles);
                var rests = scene.Body.Limbs.Where(l => basis.RestsOn.Contains(l.Name)).Min(scene.Clearance);
                var levels = scene.Body.Limbs.Where(l => level.Contains(l.Name)).Min(scene.Clearance);
                return Math.Max(rests, levels) + (Math.Abs(p) * 1e-3);
            });
        }

        var rested = Rest(angles);
        return basis.PlantFeet ? PlantFeet(angles, basis, rested)
            : planted.Length > 0 ? RestFeet(angles, basis, rested)
            : rested;
    }

    /// <summary>Points or flexes each ankle (within its range) until the foot lies on its support instead of sinking or floating.</summary>
    private static Scene RestFeet(Dictionary<string, double> angles, BasePosition basis, Scene rested)
    {
        var shift = rested.Body.Points["pelvis"] - Start;
        foreach (var side in new[] { "l", "r" })
        {
            var ankle0 = angles.GetValueOrDefault($"{side}.ankle.flex");
            angles[$"{side}.ankle.flex"] = Search(-70, 30, ankle0, a =>
            {
                angles[$"{side}.ankle.flex"] = a;
                var foot = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Limb($"{side}.foot").Shifted(shift);
                return Math.Abs(rested.Clearance(foot)) + (Math.Abs(a - ankle0) * 1e-3);
            });
        }

        return rested with { Body = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Shifted(shift) };
    }

    /// <summary>Bends each knee until the ankle is at standing height over the floor, then sets the ankle so the sole is flat.</summary>
    private static Scene PlantFeet(Dictionary<string, double> angles, BasePosition basis, Scene rested)
    {
        var shift = rested.Body.Points["pelvis"] - Start;
        var scene = rested;
        foreach (var side in new[] { "l", "r" })
        {
            var knee0 = angles[$"{side}.knee.flex"];
            angles[$"{side}.knee.flex"] = Search(0, 150, knee0, k =>
            {
                angles[$"{side}.knee.flex"] = k;
                var ankle = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Points[$"{side}.ankle"] + shift;
                return Math.Abs(ankle.Y - 9.5 - scene.SupportAt(ankle.X, ankle.Z)) + (Math.Abs(k - knee0) * 1e-3);
            });
            angles[$"{side}.ankle.flex"] = Search(-70, 30, 0, a =>
            {
                angles[$"{side}.ankle.flex"] = a;
                var foot = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Limb($"{side}.foot");
                return Math.Abs((foot.A.Y - foot.Ra) - (foot.B.Y - foot.Rb)) + (Math.Abs(a) * 1e-3);
            });
        }

        return scene with { Body = Skeleton.Pose(Angle(angles), basis.Orientation, Start).Shifted(shift) };
    }

    /// <summary>
    /// The angle in [from, to], to half a degree, with the lowest cost: every 2.5 degrees first, then every half
    /// degree around the best of those (a sixth of the poses a half-degree sweep would cost; the costs here are
    /// distances that change smoothly with the angle).
    /// </summary>
    private static double Search(double from, double to, double start, Func<double, double> cost)
    {
        const double Coarse = 2.5, Fine = 0.5;
        var best = Sweep(from, to, Coarse, (Cost: double.PositiveInfinity, At: start), cost);
        return Sweep(Math.Max(from, best.At - Coarse), Math.Min(to, best.At + Coarse), Fine, best, cost).At;
    }

    private static (double Cost, double At) Sweep(double from, double to, double step, (double Cost, double At) best, Func<double, double> cost)
    {
        for (var x = from; x <= to + 1e-9; x += step)
        {
            var c = cost(x);
            if (c < best.Cost)
            {
                best = (c, x);
            }
        }

        return best;
    }

    private static Func<string, double> Angle(Dictionary<string, double> angles) => name => angles.GetValueOrDefault(name);
}
