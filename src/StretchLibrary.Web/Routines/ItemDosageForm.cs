using System.ComponentModel.DataAnnotations;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Pages;

namespace StretchLibrary.Web.Routines;

/// <summary>The form that edits one routine item: its dosage, side, rest, tempo and note, with the rules a field alone cannot check.</summary>
public sealed class ItemDosageForm
{
    [Range(1, Dosage.MaxReps, ErrorMessage = "Reps must be between {1} and {2}.")]
    public int? Reps { get; set; }

    [Range(1, Dosage.MaxHoldSeconds, ErrorMessage = "Hold must be between {1} and {2} seconds.")]
    [Display(Name = "Hold (seconds)")]
    public int? HoldSeconds { get; set; }

    [Range(1, Dosage.MaxSets, ErrorMessage = "Sets must be between {1} and {2}.")]
    public int? Sets { get; set; }

    [Range(1, Dosage.MaxPerDay, ErrorMessage = "Times a day must be between {1} and {2}.")]
    [Display(Name = "Times a day")]
    public int? PerDay { get; set; }

    /// <summary>"left" or "right" for one side only; empty for both (only for a stretch done on each side).</summary>
    public string? Side { get; set; }

    [Range(1, Tempo.MaxRestSeconds, ErrorMessage = "Rest between sets must be between {1} and {2} seconds.")]
    [Display(Name = "Rest between sets (seconds)")]
    public int? RestSeconds { get; set; }

    [Range(Tempo.MinPhaseSeconds, Tempo.MaxPhaseSeconds, ErrorMessage = "Tempo must be between {1} and {2} seconds each way.")]
    [Display(Name = "Tempo (seconds each way)")]
    public int? TempoSeconds { get; set; }

    [StringLength(RoutineItem.NoteMaxLength, ErrorMessage = "Keep the note under {1} characters."), PlainText(MultiLine = true)]
    public string? Note { get; set; }

    /// <summary>The form filled in with what the item holds now.</summary>
    public static ItemDosageForm From(RoutineItem item) => new()
    {
        Reps = item.Reps,
        HoldSeconds = item.HoldSeconds,
        Sets = item.Sets,
        PerDay = item.PerDay,
        Side = item.Side,
        RestSeconds = item.RestSeconds,
        TempoSeconds = item.TempoSeconds,
        Note = item.Note,
    };

    /// <summary>Errors a field's own rule cannot see: a side for a stretch that has none, a tempo for held reps.</summary>
    public IEnumerable<(string Field, string Message)> Problems(Stretch? stretch)
    {
        if (!ItemSides.IsValid(Side))
        {
            yield return (nameof(Side), "Choose both sides, left side only or right side only.");
        }
        else if (Side is not null && stretch?.Dosage.Sides is not Sides.Each)
        {
            yield return (nameof(Side), "This stretch works both sides together, so there is no side to choose.");
        }

        if (TempoSeconds is not null && stretch?.Dosage.WithOverrides(Reps, HoldSeconds, Sets, PerDay) is { } dosage && !(dosage.Reps is not null && dosage.Hold is null))
        {
            yield return (nameof(TempoSeconds), "Tempo is for reps without a hold. Leave it empty, or clear the hold.");
        }
    }

    /// <summary>Writes the form onto the item; a blank note clears it.</summary>
    public void ApplyTo(RoutineItem item)
    {
        (item.Reps, item.HoldSeconds, item.Sets, item.PerDay) = (Reps, HoldSeconds, Sets, PerDay);
        (item.Side, item.RestSeconds, item.TempoSeconds) = (Side, RestSeconds, TempoSeconds);
        item.Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}
