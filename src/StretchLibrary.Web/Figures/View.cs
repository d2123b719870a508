namespace StretchLibrary.Web.Figures;

/// <summary>An orthographic camera: screen right, screen up, and the direction toward the viewer.</summary>
public sealed record View(string Name, Vec3 Right, Vec3 Up, Vec3 Toward)
{
    public static IReadOnlyList<View> All { get; } =
    [
        new("side", new(1, 0, 0), new(0, 1, 0), new(0, 0, 1)),
        new("front", new(0, 0, -1), new(0, 1, 0), new(1, 0, 0)),
        new("back", new(0, 0, 1), new(0, 1, 0), new(-1, 0, 0)),
        new("top", new(1, 0, 0), new(0, 0, -1), new(0, 1, 0)),
        new("three-quarter", new(Math.Sqrt(0.5), 0, -Math.Sqrt(0.5)), new(0, 1, 0), new(Math.Sqrt(0.5), 0, Math.Sqrt(0.5))),
    ];

    public static View? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>SVG coordinates (y grows downward).</summary>
    public (double X, double Y) Project(Vec3 p) => (p.Dot(Right), -p.Dot(Up));

    public double Depth(Vec3 p) => p.Dot(Toward);
}
