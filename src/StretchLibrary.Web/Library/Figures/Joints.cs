namespace StretchLibrary.Web.Library.Figures;

/// <summary>A joint angle an author may set, with the range a healthy body can reach (degrees).</summary>
public sealed record JointRange(string Name, double Min, double Max, string Meaning);

/// <summary>
/// Every joint angle a pose may set. Flexion bends forward (knees bend backward), <c>side</c> and <c>rot</c> are
/// positive toward the figure's right, <c>abd</c> lifts a limb out to the side, shoulder <c>rot</c> is positive
/// outward (external rotation), ankle <c>flex</c> is positive with the toes up.
/// </summary>
public static class Joints
{
    public static IReadOnlyList<JointRange> All { get; } = Build();

    private static readonly Dictionary<string, JointRange> ByName = All.ToDictionary(j => j.Name, StringComparer.Ordinal);

    public static JointRange? Find(string name) => ByName.GetValueOrDefault(name);

    private static List<JointRange> Build()
    {
        List<JointRange> joints =
        [
            new("body.pitch", -90, 90, "whole body tipped forward (+) or back (-) from the base position"),
            new("body.roll", -90, 90, "whole body rolled toward its right (+)"),
            new("body.yaw", -180, 180, "whole body turned toward its right (+)"),
            new("spine.lower.flex", -30, 60, "lower back bent forward (+) or arched (-)"),
            new("spine.lower.side", -25, 25, "lower back bent sideways"),
            new("spine.lower.rot", -15, 15, "lower back twisted"),
            new("spine.upper.flex", -30, 50, "mid and upper back rounded (+) or arched (-)"),
            new("spine.upper.side", -30, 30, "mid back bent sideways"),
            new("spine.upper.rot", -60, 60, "chest turned toward the right (+) or left (-)"),
            new("neck.flex", -60, 50, "neck bent forward, chin to chest (+), or back (-)"),
            new("neck.side", -45, 45, "ear toward the shoulder"),
            new("neck.rot", -80, 80, "head turned toward the right (+) or left (-)"),
            new("head.flex", -25, 25, "nod at the top of the neck: chin down (+) or up (-)"),
        ];
        foreach (var side in new[] { "l", "r" })
        {
            joints.AddRange(
            [
                new($"{side}.shoulder.flex", -60, 180, "arm raised forward (+), overhead at 180, or back (-)"),
                new($"{side}.shoulder.abd", -30, 180, "arm raised out to the side (+)"),
                new($"{side}.shoulder.rot", -90, 90, "upper arm turned outward (+) or inward (-)"),
                new($"{side}.elbow.flex", 0, 150, "elbow bent"),
                new($"{side}.wrist.flex", -70, 80, "wrist bent toward the palm (+)"),
                new($"{side}.hip.flex", -30, 130, "thigh raised forward (+) or taken back (-)"),
                new($"{side}.hip.abd", -30, 50, "leg out to the side (+)"),
                new($"{side}.hip.rot", -45, 45, "thigh turned outward (+)"),
                new($"{side}.knee.flex", 0, 150, "knee bent"),
                new($"{side}.ankle.flex", -70, 30, "toes up (+) or pointed (-)"),
            ]);
        }

        return joints;
    }
}
