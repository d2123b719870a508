using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Clinic;

/// <summary>What a program change did to a patient's routine, in words for the "updated" line.</summary>
public static class ProgramChanges
{
    /// <summary>
    /// "Added Chin tucks. Removed Prone W. Thoracic rotation: 8 reps, right side only (was 10 reps, then switch
    /// sides)." Null when nothing the patient sees changed.
    /// </summary>
    public static string? Describe(Routine before, Routine after, ContentSnapshot content)
    {
        var parts = new List<string>();
        if (before.Name != after.Name)
        {
            parts.Add($"Renamed to \u201c{after.Name}\u201d");
        }

        var old = before.Items.ToDictionary(i => i.StretchSlug, StringComparer.Ordinal);
        var now = after.Items.ToDictionary(i => i.StretchSlug, StringComparer.Ordinal);
        var added = after.Items.OrderBy(i => i.Position).Where(i => !old.ContainsKey(i.StretchSlug)).ToList();
        var removed = before.Items.OrderBy(i => i.Position).Where(i => !now.ContainsKey(i.StretchSlug)).ToList();
        if (added.Count > 0)
        {
            parts.Add("Added " + string.Join(", ", added.Select(i => Title(i, content))));
        }

        if (removed.Count > 0)
        {
            parts.Add("Removed " + string.Join(", ", removed.Select(i => Title(i, content))));
        }

        foreach (var item in after.Items.OrderBy(i => i.Position))
        {
            if (old.TryGetValue(item.StretchSlug, out var was) && Describe(item, content) is var dosage && Describe(was, content) is var wasDosage)
            {
                if (dosage != wasDosage)
                {
                    parts.Add($"{Title(item, content)}: {dosage} (was {wasDosage})");
                }
                else if (item.Note != was.Note)
                {
                    parts.Add($"{Title(item, content)}: new note");
                }
            }
        }

        var kept = after.Items.Where(i => old.ContainsKey(i.StretchSlug)).OrderBy(i => i.Position).Select(i => i.StretchSlug);
        var keptBefore = before.Items.Where(i => now.ContainsKey(i.StretchSlug)).OrderBy(i => i.Position).Select(i => i.StretchSlug);
        if (!kept.SequenceEqual(keptBefore))
        {
            parts.Add("New order");
        }

        if (before.WeeklyTarget != after.WeeklyTarget)
        {
            parts.Add(after.WeeklyTarget is { } target ? $"Aim: {target} times a week" : "No weekly aim");
        }

        if (before.Notes != after.Notes)
        {
            parts.Add("New notes");
        }

        if (parts.Count == 0)
        {
            return null;
        }

        var text = string.Join(". ", parts) + ".";
        return text.Length <= Enrollment.ChangeMaxLength ? text : text[..(Enrollment.ChangeMaxLength - 1)] + "\u2026";
    }

    private static string Title(RoutineItem item, ContentSnapshot content) => content.FindStretch(item.StretchSlug)?.Title ?? item.StretchSlug;

    private static string Describe(RoutineItem item, ContentSnapshot content) =>
        ItemView.From(item, content).Dosage?.Describe() ?? string.Join(' ', item.Reps, item.HoldSeconds, item.Sets, item.PerDay, item.Side, item.RestSeconds, item.TempoSeconds);
}
