using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>A routine item joined to its stretch; <see cref="Stretch"/> is null when it left the library.</summary>
public sealed record ItemView(int Id, int Position, string Slug, Stretch? Stretch, Dosage? Dosage, string? Note, bool HasOverrides)
{
    public string Title => Stretch?.Title ?? Slug;

    public static ItemView From(RoutineItem item, ContentSnapshot content)
    {
        var stretch = content.FindStretch(item.StretchSlug);
        return new ItemView(
            item.Id,
            item.Position,
            item.StretchSlug,
            stretch,
            stretch?.Dosage.WithOverrides(item.Reps, item.HoldSeconds, item.Sets, item.PerDay),
            item.Note,
            item.Reps is not null || item.HoldSeconds is not null || item.Sets is not null || item.PerDay is not null);
    }
}

public static class RoutineCopies
{
    /// <summary>A new routine for <paramref name="ownerId"/> holding the same items as <paramref name="source"/>.</summary>
    public static Routine CopyOf(Routine source, string ownerId, string name, DateTimeOffset now) =>
        Create(ownerId, name, source.WeeklyTarget, now, source.Items.OrderBy(i => i.Position)
            .Select(i => new StarterItem(i.StretchSlug, i.Reps, i.HoldSeconds, i.Sets, i.PerDay, i.Note)));

    public static Routine FromStarter(StarterRoutine starter, string ownerId, DateTimeOffset now) =>
        Create(ownerId, starter.Title, starter.WeeklyTarget, now, starter.Items);

    /// <summary>"Desk break (copy)", trimmed to fit the name's limit.</summary>
    public static string CopyName(string name)
    {
        const string suffix = " (copy)";
        return name.Length + suffix.Length <= Routine.NameMaxLength ? name + suffix : name[..(Routine.NameMaxLength - suffix.Length)] + suffix;
    }

    private static Routine Create(string ownerId, string name, int? weeklyTarget, DateTimeOffset now, IEnumerable<StarterItem> items) => new()
    {
        OwnerId = ownerId,
        Name = name,
        WeeklyTarget = weeklyTarget,
        CreatedAt = now,
        UpdatedAt = now,
        Items = [.. items.Select((i, index) => new RoutineItem
        {
            Position = index,
            StretchSlug = i.StretchSlug,
            Reps = i.Reps,
            HoldSeconds = i.HoldSeconds,
            Sets = i.Sets,
            PerDay = i.PerDay,
            Note = i.Note,
        })],
    };
}
