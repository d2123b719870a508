namespace StretchLibrary.Web.Library.Figures;

/// <summary>A point or direction in centimetres: x forward (the way a standing figure faces), y up, z to its right.</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    public double Dot(Vec3 b) => (X * b.X) + (Y * b.Y) + (Z * b.Z);

    public Vec3 Cross(Vec3 b) => new((Y * b.Z) - (Z * b.Y), (Z * b.X) - (X * b.Z), (X * b.Y) - (Y * b.X));

    public double Length => Math.Sqrt(Dot(this));

    public Vec3 Normalized() => this * (1 / Length);

    public static Vec3 Lerp(Vec3 a, Vec3 b, double t) => a + ((b - a) * t);
}

/// <summary>A rotation as a 3x3 matrix whose columns are the rotated x, y and z axes.</summary>
public readonly record struct Mat3(Vec3 Cx, Vec3 Cy, Vec3 Cz)
{
    public static Mat3 Identity { get; } = new(new(1, 0, 0), new(0, 1, 0), new(0, 0, 1));

    public Vec3 Apply(Vec3 v) => (Cx * v.X) + (Cy * v.Y) + (Cz * v.Z);

    public static Mat3 operator *(Mat3 a, Mat3 b) => new(a.Apply(b.Cx), a.Apply(b.Cy), a.Apply(b.Cz));

    /// <summary>About the x axis: y turns toward z.</summary>
    public static Mat3 RotX(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(new(1, 0, 0), new(0, c, s), new(0, -s, c));
    }

    /// <summary>About the y axis: z turns toward x (so x turns toward -z).</summary>
    public static Mat3 RotY(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(new(c, 0, -s), new(0, 1, 0), new(s, 0, c));
    }

    /// <summary>About the z axis: x turns toward y.</summary>
    public static Mat3 RotZ(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(new(c, s, 0), new(-s, c, 0), new(0, 0, 1));
    }
}
