using System.Text;

namespace StretchLibrary.Web.Library.Content;

public enum Sides
{
    /// <summary>Done with both sides together, or symmetric.</summary>
    Both,

    /// <summary>Done on one side, then the other.</summary>
    Each,
}

/// <summary>How much of a stretch to do. At least one of <see cref="Reps"/> or <see cref="Hold"/> is set.</summary>
public sealed record Dosage
{
    /// <summary>Upper bounds content and routine overrides must stay within.</summary>
    public const int MaxReps = 100, MaxHoldSeconds = 600, MaxSets = 10, MaxPerDay = 10;

    public Amount? Reps { get; init; }

    /// <summary>Seconds to hold each rep, or the stretch.</summary>
    public Amount? Hold { get; init; }

    public Amount? Sets { get; init; }

    public Sides Sides { get; init; }

    public Amount? PerDay { get; init; }

    public string? Note { get; init; }

    /// <summary>An alternative way to do the stretch ("or hold 30-60 s").</summary>
    public Dosage? Alternative { get; init; }

    /// <summary>This dosage with a routine's fixed overrides applied; null leaves a part as the content says.</summary>
    public Dosage WithOverrides(int? reps, int? holdSeconds, int? sets, int? perDay) => this with
    {
        Reps = reps is { } r ? Amount.Exactly(r) : Reps,
        Hold = holdSeconds is { } h ? Amount.Exactly(h) : Hold,
        Sets = sets is { } s ? Amount.Exactly(s) : Sets,
        PerDay = perDay is { } d ? Amount.Exactly(d) : PerDay,
    };

    /// <summary>The dosage in plain words, e.g. "10-15 reps, then switch sides".</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        if (Hold is not null)
        {
            text.Append("Hold ").Append(Hold).Append(" s");
            if (Reps is not null)
            {
                text.Append(", ").Append(Count(Reps, "rep", "reps"));
            }
            else if (Sides is Sides.Each)
            {
                text.Append(" on each side");
            }
        }
        else if (Reps is not null)
        {
            text.Append(Capitalize(Count(Reps, "rep", "reps")));
        }

        if (Sets is not null)
        {
            // With reps, repeated rounds are "sets"; a plain hold is repeated "times".
            text.Append(", ").Append(Reps is null ? Times(Sets) : Count(Sets, "set", "sets"));
        }

        if (Sides is Sides.Each && Reps is not null)
        {
            text.Append(", then switch sides");
        }

        if (PerDay is not null)
        {
            text.Append(", ").Append(PerDay.IsOne ? "once" : Times(PerDay)).Append(" a day");
        }

        return text.ToString();
    }

    private static string Count(Amount amount, string one, string many) =>
        $"{amount} {(amount.IsOne ? one : many)}";

    private static string Times(Amount amount) => amount.IsOne ? "once" : $"{amount} times";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
