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

    /// <summary>For a stretch done on each side, a routine's "left" or "right" only; null for both sides.</summary>
    public string? OnlySide { get; init; }

    /// <summary>A routine's rest between sets, in seconds, instead of the stretch's tempo's.</summary>
    public int? RestSeconds { get; init; }

    /// <summary>A routine's seconds for each way of a rep without a hold, instead of the stretch's tempo's.</summary>
    public int? TempoSeconds { get; init; }

    /// <summary>Whether the person works one side, then the other (not limited to one side).</summary>
    public bool BothSidesInTurn => Sides is Sides.Each && OnlySide is null;

    /// <summary>This dosage with a routine's fixed overrides applied; null leaves a part as the content says.</summary>
    public Dosage WithOverrides(int? reps, int? holdSeconds, int? sets, int? perDay) => this with
    {
        Reps = reps is { } r ? Amount.Exactly(r) : Reps,
        Hold = holdSeconds is { } h ? Amount.Exactly(h) : Hold,
        Sets = sets is { } s ? Amount.Exactly(s) : Sets,
        PerDay = perDay is { } d ? Amount.Exactly(d) : PerDay,
    };

    /// <summary>
    /// This dosage with a prescription's side (ignored for a stretch not done on each side), rest between sets and
    /// rep tempo (ignored for held reps).
    /// </summary>
    public Dosage WithPrescription(string? onlySide, int? restSeconds, int? tempoSeconds) => this with
    {
        OnlySide = Sides is Sides.Each ? onlySide : null,
        RestSeconds = restSeconds,
        TempoSeconds = Reps is not null && Hold is null ? tempoSeconds : null,
    };

    /// <summary>The stretch's tempo with this dosage's rest and rep tempo applied.</summary>
    public Tempo Pace(Tempo tempo) => tempo with
    {
        RestSeconds = RestSeconds ?? tempo.RestSeconds,
        MoveSeconds = TempoSeconds ?? tempo.MoveSeconds,
        ReturnSeconds = TempoSeconds ?? tempo.ReturnSeconds,
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
            else if (OnlySide is { } side)
            {
                text.Append(" on the ").Append(side).Append(" side only");
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

        if (OnlySide is { } only && (Reps is not null || Hold is null))
        {
            text.Append(", ").Append(only).Append(" side only");
        }
        else if (Sides is Sides.Each && Reps is not null)
        {
            text.Append(", then switch sides");
        }

        if (TempoSeconds is { } tempo)
        {
            text.Append(", ").Append(tempo).Append(" s each way");
        }

        if (RestSeconds is { } rest && Sets is { IsOne: false })
        {
            text.Append(", rest ").Append(rest).Append(" s between sets");
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
