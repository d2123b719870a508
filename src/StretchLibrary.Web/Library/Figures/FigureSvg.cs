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

    public static string Render(Scene scene, View view, (double X, double Y, double W, double H) box, string? alt, IReadOnlyCollection<string> highlight, Arrow? arrow = null)
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
            Floor(svg, view, scene);
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

    /// <summary>The floor under everything drawn: a line seen from the side, a flat outline from above the horizon.</summary>
    private static void Floor(StringBuilder svg, View view, Scene scene)
    {
        var corners = FloorCorners(scene).Select(view.Project).ToArray();
        if (corners.Max(c => c.Y) - corners.Min(c => c.Y) < 1)
        {
            svg.Append("<path class=\"fig-floor\" fill=\"none\" d=\"M").Append(N(corners.Min(c => c.X))).Append(' ').Append(N(corners[0].Y))
                .Append('H').Append(N(corners.Max(c => c.X))).Append("\"/>");
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
    public static Vec3[] FloorCorners(Scene scene)
    {
        var points = BodyPoints(scene).Select(p => p.P).ToList();
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

    /// <summary>Nose and the eyes that face the viewer, so the head shows where the face points.</summary>
    private static void Face(StringBuilder svg, View view, PosedBody body)
    {
        var center = body.HeadCenter;
        var frame = body.HeadFrame;
        var centerDepth = view.Depth(center);
        var noseTip = center + frame.Apply(new(14, -3, 0));
        if (view.Depth(noseTip) > centerDepth - 4)
        {
            var (x0, y0) = view.Project(center + frame.Apply(new(10.5, 1, 0)));
            var (x1, y1) = view.Project(noseTip);
            var (x2, y2) = view.Project(center + frame.Apply(new(10, -5, 0)));
            svg.Append("<path d=\"M").Append(N(x0)).Append(' ').Append(N(y0)).Append('L').Append(N(x1)).Append(' ').Append(N(y1))
                .Append('L').Append(N(x2)).Append(' ').Append(N(y2)).Append("\"/>");
        }

        foreach (var z in new[] { -4.5, 4.5 })
        {
            var eye = center + frame.Apply(new(8, 3, z));
            if (view.Depth(eye) > centerDepth + 1)
            {
                var (ex, ey) = view.Project(eye);
                svg.Append("<circle fill=\"currentColor\" stroke=\"none\" cx=\"").Append(N(ex)).Append("\" cy=\"").Append(N(ey)).Append("\" r=\"1.2\"/>");
            }
        }
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
                _ => [],
            }));

    private static IEnumerable<(Vec3 P, double R)> HeadPoints(PosedBody body) =>
        [(body.HeadCenter, PosedBody.HeadRadius + 4), (body.Points["c7"], 14), (body.Points["t12"] + ((body.Points["c7"] - body.Points["t12"]) * 0.6), 13)];

    private static string N(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);
}

/// <summary>A movement arrow in SVG coordinates: a quadratic curve (straight when the control is on the line) and a head at <see cref="To"/> (and at <see cref="From"/> when it goes both ways).</summary>
public sealed record Arrow((double X, double Y) From, (double X, double Y) Control, (double X, double Y) To, bool BothWays = false);
