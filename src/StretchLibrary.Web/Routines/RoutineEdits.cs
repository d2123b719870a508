using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>Changes to a routine as a whole (its name, its weekly target, a copy of it), for its owner only.</summary>
public static class RoutineEdits
{
    /// <summary>What <see cref="DuplicateAsync"/> did: <see cref="CopyId"/> is null when the account had no room.</summary>
    public sealed record Duplicate(string SourceName, int? CopyId);

    /// <summary>Applies <paramref name="apply"/> to the owned routine and saves it; false when there is no such routine.</summary>
    public static async Task<bool> UpdateAsync(AppDbContext db, string? ownerId, int id, Action<Routine> apply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(ownerId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return false;
        }

        apply(routine);
        routine.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Copies the owned routine as "Name (copy)", when the account has room; null when there is no such routine.</summary>
    public static async Task<Duplicate?> DuplicateAsync(AppDbContext db, string? ownerId, int id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = await db.Routines.AsNoTracking().OwnedBy(ownerId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (source is null || !await db.HasRoomForRoutineAsync(source.OwnerId, cancellationToken))
        {
            return source is null ? null : new Duplicate(source.Name, null);
        }

        var copy = RoutineCopies.CopyOf(source, source.OwnerId, RoutineCopies.CopyName(source.Name), now);
        db.Routines.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return new Duplicate(source.Name, copy.Id);
    }
}
