using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>Settings for the guided session.</summary>
public sealed class PlayerOptions
{
    public const string Section = "Session";

    /// <summary>Multiplies every hold (1 = real seconds). Tests set it small so a session takes moments.</summary>
    public double HoldScale { get; set; } = 1.0;
}

/// <summary>
/// One stretch of a guided session: what to show, the timed blocks to go through, and the words said as each
/// paced rep moves out (<see cref="MoveWord"/>) and back (<see cref="ReturnWord"/>).
/// </summary>
public sealed record SessionStretch(
    string Slug, string Title, string Dosage, IReadOnlyList<string> Steps, IReadOnlyList<string> StopIf, IReadOnlyList<SessionBlock> Blocks,
    string MoveWord, string ReturnWord);

/// <summary>
/// One side of one set: <see cref="Reps"/> repetitions, each held <see cref="HoldMs"/> when set, with
/// <see cref="RelaxMs"/> between held reps; a plain hold has one rep. Reps without a hold are paced: out in
/// <see cref="MoveMs"/>, back in <see cref="ReturnMs"/> (or counted by the person, if they choose to tap).
/// <see cref="Pause"/> comes before the block.
/// </summary>
public sealed record SessionBlock(string? Side, int Set, int Sets, int Reps, int? HoldMs)
{
    public int? MoveMs { get; init; }

    public int? ReturnMs { get; init; }

    public int? RelaxMs { get; init; }

    public SessionPause? Pause { get; init; }
}

/// <summary>A counted-down pause before a block: get ready, switch sides, or relax between sets.</summary>
public sealed record SessionPause(string Kind, int Ms, string Text)
{
    public const string Ready = "ready", Switch = "switch", Rest = "rest";
}

public static class SessionPlan
{
    /// <summary>Pauses in real seconds, scaled like holds: time to get into position and to turn round.</summary>
    public const int ReadySeconds = 5, SwitchSeconds = 5, RollOverSeconds = 10;

    /// <summary>Turns a routine's items (with their effective dosage) into the blocks a guided session walks through.</summary>
    public static IReadOnlyList<SessionStretch> For(IEnumerable<ItemView> items, double holdScale) =>
        [.. items.Where(i => i.Stretch is not null).Select(i => new SessionStretch(
            i.Slug, i.Title, i.Dosage!.Describe(), [.. i.Stretch!.Steps], i.Stretch.StopIf,
            Paced(Blocks(i.Dosage!, holdScale, SwitchingSidesIsCostly(i.Stretch)), holdScale, SwitchingSidesIsCostly(i.Stretch), i.Dosage!.Pace(i.Stretch.Tempo)),
            i.Stretch.Tempo.MoveWord, i.Stretch.Tempo.ReturnWord))];

    /// <summary>
    /// Lying on your side, the other side means rolling over: do every set on one side first. A stretch that can
    /// also be done seated or standing lets the person pick, so it keeps the usual order.
    /// </summary>
    public static bool SwitchingSidesIsCostly(Stretch stretch) =>
        stretch.Positions.Count > 0 && stretch.Positions.All(p => p.Slug == "side-lying");

    /// <summary>
    /// The same blocks in the stretch's rhythm (<paramref name="tempo"/>, else <see cref="Tempo.Default"/>): reps
    /// without a hold move out and back, held reps relax in between, and a pause comes before each block: get
    /// ready before the first, then switch sides or relax between sets.
    /// </summary>
    public static IReadOnlyList<SessionBlock> Paced(IReadOnlyList<SessionBlock> blocks, double holdScale, bool rollOver, Tempo? tempo = null)
    {
        tempo ??= Tempo.Default;
        var paced = new List<SessionBlock>(blocks.Count);
        SessionBlock? previous = null;
        foreach (var block in blocks)
        {
            var pause = previous is null
                ? new SessionPause(SessionPause.Ready, Scaled(ReadySeconds, holdScale), block.Side is { } side ? $"Get ready: {side} side first" : "Get ready")
                : block.Side != previous.Side
                    ? new SessionPause(SessionPause.Switch, Scaled(rollOver ? RollOverSeconds : SwitchSeconds, holdScale), rollOver ? $"Roll over: {block.Side} side next" : $"Switch to the {block.Side} side")
                    : new SessionPause(SessionPause.Rest, Scaled(tempo.RestSeconds, holdScale), $"Relax before set {block.Set} of {block.Sets}");
            paced.Add(block with
            {
                Pause = pause,
                MoveMs = block.HoldMs is null ? Scaled(tempo.MoveSeconds, holdScale) : null,
                ReturnMs = block.HoldMs is null ? Scaled(tempo.ReturnSeconds, holdScale) : null,
                RelaxMs = block.HoldMs is not null && block.Reps > 1 ? Scaled(tempo.RelaxSeconds, holdScale) : null,
            });
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
        string?[] sides = dosage.OnlySide is { } only ? [only] : dosage.Sides is Sides.Each ? ["left", "right"] : [null];
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
