namespace StretchLibrary.Web.Library.Figures;

/// <summary>An orthographic camera: screen right, screen up, and the direction toward the viewer.</summary>
public sealed record View(string Name, Vec3 Right, Vec3 Up, Vec3 Toward)
{
    public static IReadOnlyList<View> All { get; } =
    [
        new("side", new(1, 0, 0), new(0, 1, 0), new(0, 0, 1)),
        new("front", new(0, 0, -1), new(0, 1, 0), new(1, 0, 0)),
        new("back", new(0, 0, 1), new(0, 1, 0), new(-1, 0, 0)),
        new("top", new(1, 0, 0), new(0, 0, -1), new(0, 1, 0)),
        Looking("three-quarter", yaw: 45, elevation: 25),
        // From behind the figure's right shoulder: hands clasped behind the back and the chest's lift both show.
        Looking("rear three-quarter", yaw: -16, elevation: 8),
        // The side view from a little above, so arms beside a lying figure's head pass beside it, not across the face.
        Looking("raised side", yaw: 0, elevation: 40),
        // From the front and above, so a head turning left or right sweeps a curve, not a sideways line.
        Looking("front from above", yaw: 70, elevation: 40),
        // From high above and beyond the head of a figure lying on its back (head toward -x): a lengthwise roller
        // shows its round end, and arms out to the sides, on a diagonal or overhead each keep their own shape.
        Looking("rear from above", yaw: -25, elevation: 55),
    ];

    /// <summary>A camera turned <paramref name="yaw"/> degrees from the side view toward the front, looking down by <paramref name="elevation"/>.</summary>
    public static View Looking(string name, double yaw, double elevation)
    {
        var (sy, cy) = Math.SinCos(yaw * Math.PI / 180);
        var (se, ce) = Math.SinCos(elevation * Math.PI / 180);
        var toward = new Vec3(ce * sy, se, ce * cy);
        var right = new Vec3(0, 1, 0).Cross(toward).Normalized();
        return new View(name, right, toward.Cross(right), toward);
    }

    public static View? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>SVG coordinates (y grows downward).</summary>
    public (double X, double Y) Project(Vec3 p) => (p.Dot(Right), -p.Dot(Up));

    public double Depth(Vec3 p) => p.Dot(Toward);
}
