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
/// has one rep; reps without a hold are counted by the person.
/// </summary>
public sealed record SessionBlock(string? Side, int Set, int Sets, int Reps, int? HoldMs);

public static class SessionPlan
{
    /// <summary>Turns a routine's items (with their effective dosage) into the blocks a guided session walks through.</summary>
    public static IReadOnlyList<SessionStretch> For(IEnumerable<ItemView> items, double holdScale) =>
        [.. items.Where(i => i.Stretch is not null).Select(i => new SessionStretch(
            i.Slug, i.Title, i.Dosage!.Describe(), [.. i.Stretch!.Steps], i.Stretch.StopIf, Blocks(i.Dosage!, holdScale)))];

    public static IReadOnlyList<SessionBlock> Blocks(Dosage dosage, double holdScale)
    {
        var sets = Target(dosage.Sets) ?? 1;
        var reps = Target(dosage.Reps) ?? 1;
        int? holdMs = Target(dosage.Hold) is { } seconds ? Math.Max(1, (int)Math.Round(seconds * 1000 * holdScale)) : null;
        string?[] sides = dosage.Sides is Sides.Each ? ["left", "right"] : [null];
        var blocks = new List<SessionBlock>();
        if (dosage.Reps is not null && dosage.Sides is Sides.Each)
        {
            // "10 reps, then switch sides": all sets on one side, then the other.
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

    /// <summary>The number to aim for: the low end of a range (start gently), the bound of "up to", else the value.</summary>
    private static int? Target(Amount? amount) => amount?.Kind switch
    {
        null => null,
        AmountKind.Range => amount.Min,
        _ => amount.Max,
    };
}
