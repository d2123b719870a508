using StretchLibrary.Web.Library.Content;

namespace StretchLibrary.Web.Routines;

/// <summary>A routine item joined to its stretch; <see cref="Stretch"/> is null when it left the library.</summary>
public sealed record ItemView(int Id, int Position, string Slug, Stretch? Stretch, Dosage? Dosage, string? Note, bool HasOverrides)
{
    public string Title => Stretch?.Title ?? Slug;

    /// <summary>A routine's items in their order, each joined to its stretch.</summary>
    public static IReadOnlyList<ItemView> ListOf(Routine routine, ContentSnapshot content) =>
        [.. routine.Items.OrderBy(i => i.Position).Select(i => From(i, content))];

    public static ItemView From(RoutineItem item, ContentSnapshot content)
    {
        var stretch = content.FindStretch(item.StretchSlug);
        return new ItemView(
            item.Id,
            item.Position,
            item.StretchSlug,
            stretch,
            stretch?.Dosage.WithOverrides(item.Reps, item.HoldSeconds, item.Sets, item.PerDay).WithPrescription(item.Side, item.RestSeconds, item.TempoSeconds),
            item.Note,
            item.Reps is not null || item.HoldSeconds is not null || item.Sets is not null || item.PerDay is not null
                || item.Side is not null || item.RestSeconds is not null || item.TempoSeconds is not null);
    }
}

public static class RoutineCopies
{
    /// <summary>A new routine for <paramref name="ownerId"/> holding the same items and notes as <paramref name="source"/>.</summary>
    public static Routine CopyOf(Routine source, string ownerId, string name, DateTimeOffset now)
    {
        var copy = Routine.New(ownerId, name, source.WeeklyTarget, now, source.CopyItems());
        copy.Notes = source.Notes;
        return copy;
    }

    public static Routine FromStarter(StarterRoutine starter, string ownerId, DateTimeOffset now) =>
        Routine.New(ownerId, starter.Title, starter.WeeklyTarget, now, starter.Items
            .Select(i => new RoutineItem { StretchSlug = i.StretchSlug, Reps = i.Reps, HoldSeconds = i.HoldSeconds, Sets = i.Sets, PerDay = i.PerDay, Note = i.Note }));

    /// <summary>"Desk break (copy)", trimmed to fit the name's limit.</summary>
    public static string CopyName(string name)
    {
        const string suffix = " (copy)";
        return name.Length + suffix.Length <= Routine.NameMaxLength ? name + suffix : name[..(Routine.NameMaxLength - suffix.Length)] + suffix;
    }
}
