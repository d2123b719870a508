using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>Finding and changing one item of an owned routine; a routine that follows a clinician's program is never changed.</summary>
public static class RoutineItemEdits
{
    /// <summary>The item, its routine (with all items), and whether the routine follows a program (and so is read-only).</summary>
    public sealed record Found(Routine Routine, RoutineItem Item, bool FollowsProgram);

    /// <summary>What <see cref="ChangeAsync"/> did, as the message to show (none for a plain move).</summary>
    public sealed record Changed(string? Message);

    /// <summary>Item <paramref name="itemId"/> of <paramref name="ownerId"/>'s routine <paramref name="id"/>; null when either is unknown or foreign.</summary>
    public static async Task<Found?> FindAsync(AppDbContext db, string? ownerId, int id, int itemId, CancellationToken cancellationToken, bool tracking = false)
    {
        var routines = tracking ? db.Routines : db.Routines.AsNoTracking();
        var routine = await routines.OwnedBy(ownerId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine?.Items.SingleOrDefault(i => i.Id == itemId) is not { } item)
        {
            return null;
        }

        return new Found(routine, item, await db.FollowsProgramAsync(id, cancellationToken));
    }

    /// <summary>Applies <paramref name="change"/> (one of <see cref="Save"/>, <see cref="Move"/>, <see cref="Remove"/>) and saves, unless the routine follows a program; null when there is no such item.</summary>
    public static async Task<Changed?> ChangeAsync(AppDbContext db, string? ownerId, int id, int itemId, Func<Routine, RoutineItem, string?> change, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, ownerId, id, itemId, cancellationToken, tracking: true) is not { } found)
        {
            return null;
        }

        if (found.FollowsProgram)
        {
            return new Changed(FollowedRoutines.ReadOnly);
        }

        var message = change(found.Routine, found.Item);
        found.Routine.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new Changed(message);
    }

    /// <summary>Saves the dosage form onto the item.</summary>
    public static Func<Routine, RoutineItem, string?> Save(ItemDosageForm form) => (_, item) =>
    {
        form.ApplyTo(item);
        return "Saved.";
    };

    /// <summary>Moves the item from its index to <paramref name="target"/>(index), kept within the list.</summary>
    public static Func<Routine, RoutineItem, string?> Move(Func<int, int> target, DateTimeOffset now) => (routine, item) =>
    {
        routine.MoveTo(item, target(routine.IndexOf(item)), now);
        return null;
    };

    /// <summary>Removes the item and names the stretch it held.</summary>
    public static Func<Routine, RoutineItem, string?> Remove(ContentSnapshot content, DateTimeOffset now) => (routine, item) =>
    {
        routine.Remove(item, now);
        return $"Removed {content.FindStretch(item.StretchSlug)?.Title ?? item.StretchSlug}.";
    };
}
