using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>Settings for the guided session.</summary>
public sealed class SessionOptions
{
    public const string Section = "Session";

    /// <summary>Multiplies every hold (1 = real seconds). Tests set it small so a session takes moments.</summary>
    public double HoldScale { get; set; } = 1.0;
}

/// <summary>One stretch of a guided session: what to show, and the timed or counted blocks to go through.</summary>
public sealed record SessionStretch(string Slug, string Title, string Dosage, IReadOnlyList<string> Steps, IReadOnlyList<string> StopIf, IReadOnlyList<SessionBlock> Blocks);

/// <summary>
/// One side of one set: <see cref="Reps"/> repetitions, each held <see cref="HoldMs"/> when set; a plain hold
/// has one rep; reps without a hold are counted by the person. <see cref="Pause"/> comes before it.
/// </summary>
public sealed record SessionBlock(string? Side, int Set, int Sets, int Reps, int? HoldMs)
{
    public SessionPause? Pause { get; init; }
}

/// <summary>A counted-down pause before a block: get ready, switch sides, or rest between sets.</summary>
public sealed record SessionPause(string Kind, int Ms, string Text)
{
    public const string Ready = "ready", Switch = "switch", Rest = "rest";
}

public static class SessionPlan
{
    /// <summary>Pauses in real seconds, scaled like holds: time to get into position, to turn round, to breathe.</summary>
    public const int ReadySeconds = 5, SwitchSeconds = 5, RollOverSeconds = 10, RestSeconds = 10;

    /// <summary>Turns a routine's items (with their effective dosage) into the blocks a guided session walks through.</summary>
    public static IReadOnlyList<SessionStretch> For(IEnumerable<ItemView> items, double holdScale) =>
        [.. items.Where(i => i.Stretch is not null).Select(i => new SessionStretch(
            i.Slug, i.Title, i.Dosage!.Describe(), [.. i.Stretch!.Steps], i.Stretch.StopIf,
            Paced(Blocks(i.Dosage!, holdScale, SwitchingSidesIsCostly(i.Stretch)), holdScale, SwitchingSidesIsCostly(i.Stretch))))];

    /// <summary>
    /// Lying on your side, the other side means rolling over: do every set on one side first. A stretch that can
    /// also be done seated or standing lets the person pick, so it keeps the usual order.
    /// </summary>
    public static bool SwitchingSidesIsCostly(Stretch stretch) =>
        stretch.Positions.Count > 0 && stretch.Positions.All(p => p.Slug == "side-lying");

    /// <summary>The same blocks with a pause before each: get ready before the first, then switch sides or rest.</summary>
    public static IReadOnlyList<SessionBlock> Paced(IReadOnlyList<SessionBlock> blocks, double holdScale, bool rollOver)
    {
        var paced = new List<SessionBlock>(blocks.Count);
        SessionBlock? previous = null;
        foreach (var block in blocks)
        {
            var pause = previous is null
                ? new SessionPause(SessionPause.Ready, Scaled(ReadySeconds, holdScale), block.Side is { } side ? $"Get ready: {side} side first" : "Get ready")
                : block.Side != previous.Side
                    ? new SessionPause(SessionPause.Switch, Scaled(rollOver ? RollOverSeconds : SwitchSeconds, holdScale), rollOver ? $"Roll over: {block.Side} side next" : $"Switch to the {block.Side} side")
                    : new SessionPause(SessionPause.Rest, Scaled(RestSeconds, holdScale), $"Rest before set {block.Set} of {block.Sets}");
            paced.Add(block with { Pause = pause });
            previous = block;
        }

        return paced;
    }

    public static IReadOnlyList<SessionBlock> Blocks(Dosage dosage, double holdScale) => Blocks(dosage, holdScale, oneSideFirst: false);

    /// <param name="oneSideFirst">Every set on one side before the other, even for holds (see <see cref="SwitchingSidesIsCostly"/>).</param>
    public static IReadOnlyList<SessionBlock> Blocks(Dosage dosage, double holdScale, bool oneSideFirst)
    {
        var sets = Target(dosage.Sets) ?? 1;
        var reps = Target(dosage.Reps) ?? 1;
        int? holdMs = Target(dosage.Hold) is { } seconds ? Scaled(seconds, holdScale) : null;
        string?[] sides = dosage.Sides is Sides.Each ? ["left", "right"] : [null];
        var blocks = new List<SessionBlock>();
        if ((dosage.Reps is not null || oneSideFirst) && dosage.Sides is Sides.Each)
        {
            // "10 reps, then switch sides", or lying on one side: all sets on one side, then the other.
            foreach (var side in sides)
            {
                for (var set = 1; set <= sets; set++)
                {
                    blocks.Add(new SessionBlock(side, set, sets, reps, holdMs));
                }
            }
        }
        else
        {
            // A hold "on each side, 2-3 times" alternates sides within each round.
            for (var set = 1; set <= sets; set++)
            {
                blocks.AddRange(sides.Select(side => new SessionBlock(side, set, sets, reps, holdMs)));
            }
        }

        return blocks;
    }

    private static int Scaled(int seconds, double holdScale) => Math.Max(1, (int)Math.Round(seconds * 1000 * holdScale));

    /// <summary>The number to aim for: the low end of a range (start gently), the bound of "up to", else the value.</summary>
    private static int? Target(Amount? amount) => amount?.Kind switch
    {
        null => null,
        AmountKind.Range => amount.Min,
        _ => amount.Max,
    };
}
