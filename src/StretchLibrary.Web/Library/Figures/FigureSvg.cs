using System.Globalization;
using System.Net;
using System.Text;

namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// Draws scenes as line-art SVG: every part an outlined, rounded shape in <c>currentColor</c>, far parts first so
/// near ones overlap them. Fills are plain white in a standalone file; the site's stylesheet recolours them
/// (class <c>figure</c>) for dark mode and print. No style attributes, so the page's CSP allows it inline.
/// </summary>
public static class FigureSvg
{
    public const string BodyFill = "#fff";
    public const string HighlightFill = "#cfe3ea";
    public const string PropFill = "#e2e2e2";

    /// <summary>The box grown upward to <paramref name="height"/>, its bottom edge (the floor) kept (a taller one is left alone).</summary>
    public static (double X, double Y, double W, double H) Grown((double X, double Y, double W, double H) box, double height) =>
        box.H >= height ? box : (box.X, box.Y - (height - box.H), box.W, height);

    /// <summary>The box, in SVG units, that holds all of the given scenes (so frames of one stretch line up).</summary>
    public static (double X, double Y, double W, double H) Bounds(IEnumerable<Scene> scenes, View view, bool headOnly)
    {
        var points = scenes.SelectMany(s => headOnly ? HeadPoints(s.Body) : BodyPoints(s)).Select(p => (P: view.Project(p.P), p.R)).ToList();
        var minX = points.Min(p => p.P.X - p.R) - 6;
        var maxX = points.Max(p => p.P.X + p.R) + 6;
        var minY = points.Min(p => p.P.Y - p.R) - 6;
        var maxY = points.Max(p => p.P.Y + p.R) + (headOnly ? 6 : 4);
        if (!headOnly && view.Name != "top")
        {
            // Room for the floor's outline below the figure.
            var floor = scenes.SelectMany(FloorCorners).Select(view.Project).ToList();
            (minX, maxX, maxY) = (Math.Min(minX, floor.Min(f => f.X) - 2), Math.Max(maxX, floor.Max(f => f.X) + 2), Math.Max(maxY, floor.Max(f => f.Y) + 4));
        }

        return (Math.Floor(minX), Math.Floor(minY), Math.Ceiling(maxX - minX), Math.Ceiling(maxY - minY));
    }

    /// <summary>The box grown, where needed, to hold the arrows and their heads too.</summary>
    public static (double X, double Y, double W, double H) Enclose((double X, double Y, double W, double H) box, IEnumerable<Arrow> arrows)
    {
        var (minX, minY, maxX, maxY) = (box.X, box.Y, box.X + box.W, box.Y + box.H);
        foreach (var point in arrows.SelectMany(a => new[] { a.From, a.Control, a.To }))
        {
            (minX, minY) = (Math.Min(minX, Math.Floor(point.X - 7)), Math.Min(minY, Math.Floor(point.Y - 7)));
            (maxX, maxY) = (Math.Max(maxX, Math.Ceiling(point.X + 7)), Math.Max(maxY, Math.Ceiling(point.Y + 7)));
        }

        return (minX, minY, maxX - minX, maxY - minY);
    }

    /// <summary>
    /// <paramref name="floor"/> is the floor's corners (<see cref="FloorCorners(IEnumerable{Scene})"/>), shared by frames
    /// that share a box so the floor stays put between them; by default the floor under this scene.
    /// </summary>
    public static string Render(Scene scene, View view, (double X, double Y, double W, double H) box, string? alt, IReadOnlyCollection<string> highlight, Arrow? arrow = null, Vec3[]? floor = null)
    {
        var svg = new StringBuilder(4096);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" viewBox=\"")
            .Append(N(box.X)).Append(' ').Append(N(box.Y)).Append(' ').Append(N(box.W)).Append(' ').Append(N(box.H)).Append('"');
        if (alt is null)
        {
            svg.Append(" aria-hidden=\"true\" focusable=\"false\">");
        }
        else
        {
            var label = WebUtility.HtmlEncode(alt);
            svg.Append(" role=\"img\" aria-label=\"").Append(label).Append("\"><title>").Append(label).Append("</title>");
        }

        svg.Append("<g class=\"fig-body\" fill=\"").Append(BodyFill).Append("\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\">");
        if (view.Name != "top")
        {
            Floor(svg, view, floor ?? FloorCorners(scene), box);
        }

        foreach (var shape in DrawOrder(scene, view))
        {
            switch (shape)
            {
                case LimbShape limb:
                    Limb(svg, view, limb.Capsule, highlight.Contains(limb.Name));
                    if (limb.Name == "head")
                    {
                        Face(svg, view, scene.Body);
                    }

                    break;
                case CylinderShape cylinder:
                    Cylinder(svg, view, cylinder);
                    break;
                case LineShape line:
                    var (ax, ay) = view.Project(line.A);
                    var (bx, by) = view.Project(line.B);
                    svg.Append("<path fill=\"none\" stroke-width=\"").Append(N(line.Width)).Append("\" d=\"M").Append(N(ax)).Append(' ').Append(N(ay))
                        .Append('L').Append(N(bx)).Append(' ').Append(N(by)).Append("\"/>");
                    break;
            }
        }

        svg.Append("</g>");
        if (arrow is not null)
        {
            DrawArrow(svg, arrow);
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// The floor under everything drawn: a line seen from the side; seen from the side and above, a lightly shaded
    /// band from edge to edge of the frame (a plane that runs on, not a box or a bed around the figure); from other
    /// angles above the horizon, a flat outline.
    /// </summary>
    private static void Floor(StringBuilder svg, View view, Vec3[] floor, (double X, double Y, double W, double H) box)
    {
        var corners = floor.Select(view.Project).ToArray();
        if (corners.Max(c => c.Y) - corners.Min(c => c.Y) < 1)
        {
            svg.Append("<path class=\"fig-floor\" fill=\"none\" d=\"M").Append(N(corners.Min(c => c.X))).Append(' ').Append(N(corners[0].Y))
                .Append('H').Append(N(corners.Max(c => c.X))).Append("\"/>");
            return;
        }

        if (Math.Abs(view.Right.X) > 0.999)
        {
            var (far, near) = (corners.Min(c => c.Y), corners.Max(c => c.Y));
            svg.Append("<path class=\"fig-floor\" fill=\"currentColor\" fill-opacity=\"0.07\" stroke=\"none\" d=\"M").Append(N(box.X)).Append(' ').Append(N(far))
                .Append('H').Append(N(box.X + box.W)).Append('V').Append(N(near)).Append('H').Append(N(box.X)).Append("Z\"/>")
                .Append("<path class=\"fig-floor\" fill=\"none\" stroke-width=\"1\" d=\"M").Append(N(box.X)).Append(' ').Append(N(far)).Append('H').Append(N(box.X + box.W))
                .Append('M').Append(N(box.X)).Append(' ').Append(N(near)).Append('H').Append(N(box.X + box.W)).Append("\"/>");
            return;
        }

        svg.Append("<path class=\"fig-floor\" fill=\"none\" stroke-width=\"1\" d=\"M");
        for (var i = 0; i < corners.Length; i++)
        {
            svg.Append(i == 0 ? "" : "L").Append(N(corners[i].X)).Append(' ').Append(N(corners[i].Y));
        }

        svg.Append("Z\"/>");
    }

    /// <summary>The floor drawn under a scene: its corners, a margin beyond everything on it.</summary>
    public static Vec3[] FloorCorners(Scene scene) => FloorCorners([scene]);

    /// <summary>The floor drawn under several scenes at once: a margin beyond everything on any of them.</summary>
    public static Vec3[] FloorCorners(IEnumerable<Scene> scenes)
    {
        var points = scenes.SelectMany(BodyPoints).Select(p => p.P).ToList();
        var (x0, x1) = (points.Min(p => p.X) - 12, points.Max(p => p.X) + 12);
        var (z0, z1) = (points.Min(p => p.Z) - 12, points.Max(p => p.Z) + 12);
        return [new(x0, 0, z0), new(x1, 0, z0), new(x1, 0, z1), new(x0, 0, z1)];
    }

    /// <summary>Props and body parts, farthest from the viewer first, so nearer ones are drawn over them.</summary>
    public static IReadOnlyList<Shape> DrawOrder(Scene scene, View view) =>
        [.. scene.Props.SelectMany(p => p.Shapes()).Select((s, i) => (Shape: s, Order: i))
            .Concat(scene.Body.Limbs.Select((l, i) => (Shape: (Shape)new LimbShape(l, l.Name), Order: 1000 + i)))
            .Append((Shape: new LimbShape(new("head", scene.Body.HeadCenter, scene.Body.HeadCenter, PosedBody.HeadRadius, PosedBody.HeadRadius), "head"), Order: 2000))
            .OrderBy(s => Depth(s.Shape, view)).ThenBy(s => s.Order)
            .Select(s => s.Shape)];

    private static double Depth(Shape shape, View view) => shape switch
    {
        LimbShape l => view.Depth(Vec3.Lerp(l.Capsule.A, l.Capsule.B, 0.5)),
        LineShape l => view.Depth(Vec3.Lerp(l.A, l.B, 0.5)),
        CylinderShape c => view.Depth(Vec3.Lerp(c.A, c.B, 0.5)),
        _ => 0,
    };

    private static void Limb(StringBuilder svg, View view, Capsule c, bool highlighted)
    {
        var (ax, ay) = view.Project(c.A);
        var (bx, by) = view.Project(c.B);
        var (dx, dy) = (bx - ax, by - ay);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        var attrs = highlighted ? " class=\"fig-hl\" fill=\"" + HighlightFill + "\"" : "";
        if (length < 1)
        {
            svg.Append("<circle").Append(attrs).Append(" cx=\"").Append(N(ax)).Append("\" cy=\"").Append(N(ay)).Append("\" r=\"").Append(N(Math.Max(c.Ra, c.Rb))).Append("\"/>");
            return;
        }

        var (nx, ny) = (-dy / length, dx / length);
        svg.Append("<path").Append(attrs).Append(" d=\"M").Append(N(ax + (nx * c.Ra))).Append(' ').Append(N(ay + (ny * c.Ra)))
            .Append('L').Append(N(bx + (nx * c.Rb))).Append(' ').Append(N(by + (ny * c.Rb)))
            .Append('A').Append(N(c.Rb)).Append(' ').Append(N(c.Rb)).Append(" 0 0 0 ").Append(N(bx - (nx * c.Rb))).Append(' ').Append(N(by - (ny * c.Rb)))
            .Append('L').Append(N(ax - (nx * c.Ra))).Append(' ').Append(N(ay - (ny * c.Ra)))
            .Append('A').Append(N(c.Ra)).Append(' ').Append(N(c.Ra)).Append(" 0 0 0 ").Append(N(ax + (nx * c.Ra))).Append(' ').Append(N(ay + (ny * c.Ra)))
            .Append("Z\"/>");
    }

    /// <summary>
    /// The marks that show where the face points, those on the side of the head toward the viewer: the nose tip
    /// (<c>nose</c>) and each eye (<c>eye</c>). None: the face is turned away.
    /// </summary>
    public static IReadOnlyList<(string Mark, Vec3 At)> FaceMarks(PosedBody body, View view)
    {
        var center = body.HeadCenter;
        var centerDepth = view.Depth(center);
        var marks = new List<(string, Vec3)>();
        var noseTip = center + body.HeadFrame.Apply(new(14, -3, 0));
        if (view.Depth(noseTip) > centerDepth - 4)
        {
            marks.Add(("nose", noseTip));
        }

        foreach (var z in new[] { -4.5, 4.5 })
        {
            var eye = center + body.HeadFrame.Apply(new(8, 3, z));
            if (view.Depth(eye) > centerDepth + 1)
            {
                marks.Add(("eye", eye));
            }
        }

        return marks;
    }

    /// <summary>Nose and the eyes that face the viewer, so the head shows where the face points.</summary>
    private static void Face(StringBuilder svg, View view, PosedBody body)
    {
        foreach (var (mark, at) in FaceMarks(body, view))
        {
            if (mark == "nose")
            {
                var (x0, y0) = view.Project(body.HeadCenter + body.HeadFrame.Apply(new(10.5, 1, 0)));
                var (x1, y1) = view.Project(at);
                var (x2, y2) = view.Project(body.HeadCenter + body.HeadFrame.Apply(new(10, -5, 0)));
                svg.Append("<path d=\"M").Append(N(x0)).Append(' ').Append(N(y0)).Append('L').Append(N(x1)).Append(' ').Append(N(y1))
                    .Append('L').Append(N(x2)).Append(' ').Append(N(y2)).Append("\"/>");
                continue;
            }

            var (ex, ey) = view.Project(at);
            svg.Append("<circle fill=\"currentColor\" stroke=\"none\" cx=\"").Append(N(ex)).Append("\" cy=\"").Append(N(ey)).Append("\" r=\"1.2\"/>");
        }
    }

    /// <summary>
    /// A cylinder (a roller, a rolled towel) in the props' grey: its outline around both ends, and the end that
    /// faces the viewer as an ellipse, so it reads as round and not as a flat box.
    /// </summary>
    private static void Cylinder(StringBuilder svg, View view, CylinderShape c)
    {
        var axis = (c.B - c.A).Normalized();
        var u = (Math.Abs(axis.Y) < 0.9 ? new Vec3(0, 1, 0) : new Vec3(1, 0, 0)).Cross(axis).Normalized();
        var v = axis.Cross(u);
        List<(double X, double Y)> Ring(Vec3 center) => [.. Enumerable.Range(0, 20).Select(i => view.Project(center + (((u * Math.Cos(i * Math.PI / 10)) + (v * Math.Sin(i * Math.PI / 10))) * c.Radius)))];
        var (ringA, ringB) = (Ring(c.A), Ring(c.B));
        svg.Append("<path class=\"fig-prop\" fill=\"").Append(PropFill).Append("\" d=\"");
        Polygon(svg, Hull([.. ringA, .. ringB]));
        svg.Append("\"/>");
        // The end toward the viewer, unless it is seen edge on (then the outline says it all).
        var near = view.Depth(c.B) > view.Depth(c.A) ? ringB : ringA;
        if (Math.Abs(axis.Dot(view.Toward)) > 0.15)
        {
            svg.Append("<path class=\"fig-prop\" fill=\"").Append(PropFill).Append("\" d=\"");
            Polygon(svg, near);
            svg.Append("\"/>");
        }
    }

    private static void Polygon(StringBuilder svg, List<(double X, double Y)> points)
    {
        for (var i = 0; i < points.Count; i++)
        {
            // A tenth of a unit: a roller's end is only a few units across.
            svg.Append(i == 0 ? "M" : "L").Append(Math.Round(points[i].X, 1).ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(Math.Round(points[i].Y, 1).ToString(CultureInfo.InvariantCulture));
        }

        svg.Append('Z');
    }

    /// <summary>The convex outline of some points (Andrew's monotone chain), in order around it.</summary>
    private static List<(double X, double Y)> Hull(List<(double X, double Y)> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }

        static double Turn((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
        var hull = new List<(double X, double Y)>();
        foreach (var pass in new[] { sorted, Enumerable.Reverse(sorted).ToList() })
        {
            var start = hull.Count;
            foreach (var p in pass)
            {
                while (hull.Count >= start + 2 && Turn(hull[^2], hull[^1], p) <= 0)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static void DrawArrow(StringBuilder svg, Arrow arrow)
    {
        var (sx, sy) = arrow.From;
        var (cx, cy) = arrow.Control;
        var (ex, ey) = arrow.To;
        var (dx, dy) = (ex - cx, ey - cy);
        var length = Math.Sqrt((dx * dx) + (dy * dy));
        if (length < 0.01)
        {
            (dx, dy, length) = (ex - sx, ey - sy, Math.Sqrt(((ex - sx) * (ex - sx)) + ((ey - sy) * (ey - sy))));
        }

        var (ux, uy) = (dx / length, dy / length);
        const double Head = 6;
        svg.Append("<g class=\"fig-arrow\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" fill=\"none\"><path d=\"M")
            .Append(N(sx)).Append(' ').Append(N(sy)).Append('Q').Append(N(cx)).Append(' ').Append(N(cy)).Append(' ')
            .Append(N(ex - (ux * Head * 0.6))).Append(' ').Append(N(ey - (uy * Head * 0.6))).Append("\"/><path fill=\"currentColor\" stroke-linejoin=\"round\" d=\"M")
            .Append(N(ex)).Append(' ').Append(N(ey)).Append('L')
            .Append(N(ex - (ux * Head) - (uy * Head * 0.55))).Append(' ').Append(N(ey - (uy * Head) + (ux * Head * 0.55))).Append('L')
            .Append(N(ex - (ux * Head) + (uy * Head * 0.55))).Append(' ').Append(N(ey - (uy * Head) - (ux * Head * 0.55))).Append("Z\"/>");
        if (arrow.BothWays)
        {
            var (bx, by) = (sx - cx, sy - cy);
            var back = Math.Sqrt((bx * bx) + (by * by));
            (bx, by) = back < 0.01 ? (-ux, -uy) : (bx / back, by / back);
            svg.Append("<path fill=\"currentColor\" stroke-linejoin=\"round\" d=\"M").Append(N(sx)).Append(' ').Append(N(sy)).Append('L')
                .Append(N(sx - (bx * Head) - (by * Head * 0.55))).Append(' ').Append(N(sy - (by * Head) + (bx * Head * 0.55))).Append('L')
                .Append(N(sx - (bx * Head) + (by * Head * 0.55))).Append(' ').Append(N(sy - (by * Head) - (bx * Head * 0.55))).Append("Z\"/>");
        }

        svg.Append("</g>");
    }

    private static IEnumerable<(Vec3 P, double R)> BodyPoints(Scene scene) =>
        scene.Body.Limbs.SelectMany(l => new[] { (l.A, l.Ra), (l.B, l.Rb) })
            .Append((scene.Body.HeadCenter, PosedBody.HeadRadius + 3))
            .Concat(scene.Props.SelectMany(p => p.Shapes()).SelectMany(s => s switch
            {
                LimbShape l => new[] { (l.Capsule.A, l.Capsule.Ra), (l.Capsule.B, l.Capsule.Rb) },
                LineShape l => new[] { (l.A, l.Width), (l.B, l.Width) },
                CylinderShape c => new[] { (c.A, c.Radius), (c.B, c.Radius) },
                _ => [],
            }));

    private static IEnumerable<(Vec3 P, double R)> HeadPoints(PosedBody body) =>
        [(body.HeadCenter, PosedBody.HeadRadius + 4), (body.Points["c7"], 14), (body.Points["t12"] + ((body.Points["c7"] - body.Points["t12"]) * 0.6), 13)];

    private static string N(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A movement arrow in SVG coordinates: a quadratic curve (straight when the control is on the line) and a head at <see cref="To"/> (and at <see cref="From"/> when it goes both ways).</summary>
public sealed record Arrow((double X, double Y) From, (double X, double Y) Control, (double X, double Y) To, bool BothWays = false);
