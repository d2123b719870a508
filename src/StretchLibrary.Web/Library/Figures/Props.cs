namespace StretchLibrary.Web.Library.Figures;

/// <summary>Something drawn: a filled rounded limb (body part, towel edge), a cylinder (roller, towel) or a plain stroke (chair, wall).</summary>
public abstract record Shape(string Name);

public sealed record LimbShape(Capsule Capsule, string Name) : Shape(Name);

/// <summary>A flat-ended cylinder from <see cref="A"/> to <see cref="B"/>: drawn as its outline plus the end that faces the viewer, so it reads as round.</summary>
public sealed record CylinderShape(Vec3 A, Vec3 B, double Radius, string Name) : Shape(Name);

public sealed record LineShape(Vec3 A, Vec3 B, double Width, string Name) : Shape(Name);

/// <summary>A prop placed next to a posed body: what it draws and the height of its top surface at (x, z).</summary>
public abstract record Prop(string Name)
{
    /// <summary>Names authors write in <c>illustration.props</c>.</summary>
    public static readonly IReadOnlyList<string> Names = ["floor", "chair", "wall", "foam roller", "foam roller across", "towel roll"];

    /// <summary>Height of the supporting surface at (x, z); 0 is the floor.</summary>
    public virtual double SupportAt(double x, double z) => 0;

    public abstract IEnumerable<Shape> Shapes();

    /// <summary>How far a ball at <paramref name="p"/> with radius <paramref name="r"/> sinks into the prop (0 or less: it does not).</summary>
    public abstract double Penetration(Vec3 p, double r);

    /// <summary>Depth of a ball in a box: its radius less the distance to the box, plus how deep its centre is inside.</summary>
    protected static double IntoBox(Vec3 p, double r, Vec3 min, Vec3 max)
    {
        var outside = new Vec3(Math.Max(0, Math.Max(min.X - p.X, p.X - max.X)), Math.Max(0, Math.Max(min.Y - p.Y, p.Y - max.Y)), Math.Max(0, Math.Max(min.Z - p.Z, p.Z - max.Z)));
        var inside = Math.Min(Math.Min(Math.Min(p.X - min.X, max.X - p.X), Math.Min(p.Y - min.Y, max.Y - p.Y)), Math.Min(p.Z - min.Z, max.Z - p.Z));
        return r - outside.Length + Math.Max(0, inside);
    }

    /// <summary>Places a prop by its name where the (unshifted) body needs it; null for the floor, which is always there.</summary>
    public static Prop? Place(string name, PosedBody body) => name switch
    {
        "chair" => Chair.Under(body),
        "wall" => new Wall(body.AllPoints.Min(p => p.X) - 16),
        "foam roller" => Roller.Along(body),
        "foam roller across" => new Roller(name, Across(body, 0.45), 7.5),
        "towel roll" => new Roller(name, Across(body, 0.7), 4.5, Rolled: true),
        _ => null,
    };

    /// <summary>A point part-way up the mid back, where a roll across the back goes.</summary>
    private static double Across(PosedBody body, double along)
    {
        var back = body.Limb("spine.upper");
        return Vec3.Lerp(back.A, back.B, along).X;
    }
}

/// <summary>A sturdy four-legged chair with a backrest, no wheels, seat 43 cm high, facing +x.</summary>
public sealed record Chair(double BackX, double FrontX) : Prop("chair")
{
    public const double SeatHeight = 43;
    public const double BackTop = 88;
    private const double HalfWidth = 21;

    /// <summary>
    /// A chair under a seated body, its backrest set back far enough that the back leans against it and arches
    /// over its top edge, never through it. The body is not yet lowered onto the seat: heights are measured from
    /// the bottom of the hips and thighs, which will rest on the seat.
    /// </summary>
    public static Chair Under(PosedBody body)
    {
        var pelvis = body.Points["pelvis"].X;
        var seat = Math.Min(body.Limb("pelvis").Bottom, Math.Min(body.Limb("l.thigh").Bottom, body.Limb("r.thigh").Bottom));
        var back = pelvis - 12.5;
        foreach (var limb in body.Limbs.Where(l => l.Name is "pelvis" or "spine.lower" or "spine.upper" or "shoulders"))
        {
            for (var i = 0; i <= 8; i++)
            {
                var t = i / 8.0;
                var p = Vec3.Lerp(limb.A, limb.B, t);
                var r = limb.Ra + ((limb.Rb - limb.Ra) * t);
                var above = (p.Y - seat + SeatHeight) - BackTop;
                if (above < r && Math.Abs(p.Z) - r < HalfWidth)
                {
                    back = Math.Min(back, p.X - Math.Sqrt((r * r) - (Math.Max(0, above) * Math.Max(0, above))) - 0.5);
                }
            }
        }

        return new Chair(back, pelvis + 30);
    }

    /// <summary>The seat (3 cm thick) and the backrest (a 3 cm slab from the seat to its top rail).</summary>
    public override double Penetration(Vec3 p, double r) => Math.Max(
        IntoBox(p, r, new(BackX, SeatHeight - 3, -HalfWidth), new(FrontX, SeatHeight, HalfWidth)),
        IntoBox(p, r, new(BackX - 2.5, SeatHeight, -HalfWidth), new(BackX + 0.5, BackTop, HalfWidth)));

    public override double SupportAt(double x, double z) =>
        x >= BackX && x <= FrontX && Math.Abs(z) <= HalfWidth ? SeatHeight : 0;

    public override IEnumerable<Shape> Shapes()
    {
        foreach (var z in new[] { -HalfWidth, HalfWidth })
        {
            yield return new LineShape(new(BackX, SeatHeight, z), new(FrontX, SeatHeight, z), 3, Name);
            yield return new LineShape(new(FrontX - 2, SeatHeight, z), new(FrontX - 2, 0, z), 2, Name);
            yield return new LineShape(new(BackX + 2, SeatHeight, z), new(BackX + 2, 0, z), 2, Name);
            yield return new LineShape(new(BackX, SeatHeight, z), new(BackX - 2, BackTop, z), 2.5, Name);
        }

        yield return new LineShape(new(BackX - 2, BackTop, -HalfWidth), new(BackX - 2, BackTop, HalfWidth), 3, Name);
        yield return new LineShape(new(BackX - 1.5, BackTop - 14, -HalfWidth), new(BackX - 1.5, BackTop - 14, HalfWidth), 2, Name);
        yield return new LineShape(new(FrontX, SeatHeight, -HalfWidth), new(FrontX, SeatHeight, HalfWidth), 2, Name);
    }
}

/// <summary>A wall behind the figure.</summary>
public sealed record Wall(double X) : Prop("wall")
{
    public override IEnumerable<Shape> Shapes() => [new LineShape(new(X, 0, 0), new(X, 190, 0), 2.5, Name)];

    public override double Penetration(Vec3 p, double r) => r - (p.X - X);
}

/// <summary>A cylinder on the floor: a foam roller or a rolled towel, along x or across the body (along z).</summary>
public sealed record Roller(string Kind, double CenterX, double Radius, double FromX = 0, double ToX = 0, bool Rolled = false) : Prop(Kind)
{
    /// <summary>Half the length of a roller across the back (a rolled towel is a little longer, so its ends show beside the body).</summary>
    private double HalfLength => Rolled ? 36 : 30;

    private bool Lengthwise => ToX > FromX;

    /// <summary>A roller under the spine from the pelvis to the head.</summary>
    public static Roller Along(PosedBody body)
    {
        var xs = new[] { body.Points["pelvis"].X, body.HeadCenter.X };
        return new Roller("foam roller", 0, 7.5, xs.Min() - 12, xs.Max() + 12);
    }

    public override double SupportAt(double x, double z)
    {
        var off = Lengthwise ? (x >= FromX && x <= ToX ? z : double.PositiveInfinity) : (Math.Abs(z) <= HalfLength ? x - CenterX : double.PositiveInfinity);
        return Math.Abs(off) < Radius ? Radius + Math.Sqrt((Radius * Radius) - (off * off)) : 0;
    }

    /// <summary>A ball sinks in where the roller's round top, under any part of the ball, is higher than the ball's underside.</summary>
    public override double Penetration(Vec3 p, double r)
    {
        var deepest = double.NegativeInfinity;
        for (var i = -4; i <= 4; i++)
        {
            var d = r * i / 4.0;
            var (x, z) = Lengthwise ? (p.X, p.Z + d) : (p.X + d, p.Z);
            var top = SupportAt(x, z);
            if (top > 0)
            {
                deepest = Math.Max(deepest, top - (p.Y - Math.Sqrt((r * r) - (d * d))));
            }
        }

        return deepest;
    }

    public override IEnumerable<Shape> Shapes()
    {
        if (Lengthwise)
        {
            yield return new CylinderShape(new(FromX, Radius, 0), new(ToX, Radius, 0), Radius, Name);
            yield break;
        }

        yield return new CylinderShape(new(CenterX, Radius, -HalfLength), new(CenterX, Radius, HalfLength), Radius, Name);
        if (Rolled)
        {
            // The rolled edge, so a towel does not read as a small roller.
            yield return new LimbShape(new(Name, new(CenterX + 1, Radius + 1, HalfLength + 0.5), new(CenterX + 1, Radius + 1, HalfLength + 0.5), Radius / 2, Radius / 2), Name);
        }
    }
}
