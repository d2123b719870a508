using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>Changes to a routine as a whole (its name, its weekly target, a copy of it), for its owner only.</summary>
public static class RoutineEdits
{
    /// <summary>What <see cref="DuplicateAsync"/> did: <see cref="CopyId"/> is null when the account had no room.</summary>
    public sealed record Duplicate(string SourceName, int? CopyId);

    /// <summary>What <see cref="UpdateAsync"/> did.</summary>
    public enum Outcome
    {
        Saved,

        /// <summary>No such routine of the owner's.</summary>
        Missing,

        /// <summary>The routine follows a clinician's program, whose name and target it takes: nothing changed.</summary>
        FollowsProgram,
    }

    /// <summary>Applies <paramref name="apply"/> to the owned routine and saves it, unless it follows a program.</summary>
    public static async Task<Outcome> UpdateAsync(AppDbContext db, string? ownerId, int id, Action<Routine> apply, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(ownerId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return Outcome.Missing;
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            return Outcome.FollowsProgram;
        }

        apply(routine);
        routine.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Saved;
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
