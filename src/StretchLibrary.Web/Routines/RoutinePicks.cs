using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>Adding and removing stretches picked from a list or search result, on a routine the caller has found among the owner's (with its items, tracked) and checked is not a followed program.</summary>
public static class RoutinePicks
{
    /// <summary>The message to show; <see cref="Refused"/> when the pick was bad or the routine full, and nothing changed.</summary>
    public sealed record Picked(string Message, bool Refused = false);

    /// <summary>Appends the stretches named by <paramref name="slugs"/> that the routine does not hold yet, and saves.</summary>
    public static async Task<Picked> AddAsync(AppDbContext db, Routine routine, string[]? slugs, ContentSnapshot content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stretches = (slugs ?? []).Distinct(StringComparer.Ordinal).Select(content.FindStretch).ToList();
        if (stretches.Count == 0 || stretches.Any(s => s is null))
        {
            return new Picked("Pick at least one stretch from the list.", Refused: true);
        }

        if (routine.Append(stretches.Select(s => s!.Slug), now) is not { } appended)
        {
            return new Picked($"{AccountLimits.ItemsFull} Nothing was added.", Refused: true);
        }

        await db.SaveChangesAsync(cancellationToken);
        var added = appended.Select(content.FindStretch).ToList();
        var names = added.Count == 1 ? added[0]!.Title : $"{added.Count} stretches";
        return new Picked(added.Count == 0 ? $"Already in “{routine.Name}”." : $"Added {names} to “{routine.Name}”.");
    }

    /// <summary>Removes every item of the stretch <paramref name="slug"/>, and saves.</summary>
    public static async Task<Picked> RemoveAsync(AppDbContext db, Routine routine, string? slug, ContentSnapshot content, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var removed = routine.Items.Where(i => i.StretchSlug == slug).ToList();
        removed.ForEach(item => routine.Remove(item, now));
        await db.SaveChangesAsync(cancellationToken);
        var title = content.FindStretch(slug ?? "")?.Title ?? slug;
        return new Picked(removed.Count == 0 ? $"{title} was not in “{routine.Name}”." : $"Removed {title} from “{routine.Name}”.");
    }
}
