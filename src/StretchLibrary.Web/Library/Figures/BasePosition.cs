namespace StretchLibrary.Web.Library.Figures;

/// <summary>
/// A named starting position (the <c>positions</c> vocabulary of the content): how the body is oriented, its
/// default joint angles, and which parts rest on a support. When <see cref="LevelWith"/> is set the body is
/// tipped until those parts rest too (knees and hands both down); <see cref="PlantFeet"/> bends the knees and
/// ankles until the soles are flat on the floor.
/// </summary>
public sealed record BasePosition(
    string Name,
    Mat3 Orientation,
    IReadOnlyDictionary<string, double> Angles,
    IReadOnlyList<string> RestsOn,
    IReadOnlyList<string>? LevelWith = null,
    bool PlantFeet = false)
{
    public static IReadOnlyList<BasePosition> All { get; } =
    [
        new("standing", Mat3.Identity, Both(("shoulder.abd", 6), ("elbow.flex", 10)), ["l.foot", "r.foot"]),
        new("seated", Mat3.Identity,
            Both(("hip.flex", 90), ("hip.abd", 4), ("knee.flex", 90), ("shoulder.flex", 30), ("elbow.flex", 55), ("shoulder.abd", 8)),
            ["pelvis", "l.thigh", "r.thigh"], PlantFeet: true),
        // Head toward -x, face up.
        new("lying on back", Mat3.RotZ(90),
            Both(("hip.flex", 50), ("knee.flex", 100), ("shoulder.abd", 12), ("elbow.flex", 5)),
            ["pelvis"], LevelWith: ["spine.upper"], PlantFeet: true),
        // Head toward +x, face down, tops of the feet on the floor.
        new("lying face down", Mat3.RotZ(-90),
            Both(("ankle.flex", -65), ("shoulder.abd", 10), ("neck.flex", 5), ("shoulder.rot", -20)),
            ["pelvis", "l.thigh", "r.thigh", "spine.lower"]),
        // On the left side, head toward +x, facing the side-view camera (+z), knees bent and together.
        new("side-lying", new Mat3(new(0, 0, 1), new(1, 0, 0), new(0, 1, 0)),
            Both(("hip.flex", 70), ("knee.flex", 95), ("l.shoulder.flex", 90), ("l.elbow.flex", 30), ("r.shoulder.flex", 20),
                ("r.elbow.flex", 40), ("ankle.flex", -20), ("neck.side", 10)),
            ["pelvis", "shoulders", "l.thigh", "l.shin", "spine.upper"]),
        // Trunk level, head toward +x, knees under the hips and hands under the shoulders.
        new("hands and knees", Mat3.RotZ(-90),
            Both(("hip.flex", 90), ("knee.flex", 90), ("ankle.flex", -65), ("shoulder.flex", 90), ("neck.flex", 5)),
            ["l.shin", "r.shin"], LevelWith: ["l.hand", "r.hand"]),
    ];

    private static readonly Dictionary<string, BasePosition> ByName = All.ToDictionary(b => b.Name, StringComparer.Ordinal);

    public static BasePosition? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>Angles for both sides when a name has no <c>l.</c>/<c>r.</c> prefix.</summary>
    private static Dictionary<string, double> Both(params (string Joint, double Degrees)[] angles)
    {
        var all = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (joint, degrees) in angles)
        {
            if (joint.StartsWith("l.", StringComparison.Ordinal) || joint.StartsWith("r.", StringComparison.Ordinal)
                || Joints.Find(joint) is not null)
            {
                all[joint] = degrees;
            }
            else
            {
                all["l." + joint] = degrees;
                all["r." + joint] = degrees;
            }
        }

        return all;
    }
}
