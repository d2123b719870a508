using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>An owned routine with its items, and whether it follows a clinician's program (then read that too).</summary>
public sealed record OwnedRoutine(Routine Routine, bool FollowsProgram);

/// <summary>Reads of one owned routine that several pages make on every render.</summary>
public static class RoutineReads
{
    /// <summary>The routine <paramref name="id"/> of <paramref name="ownerId"/> with its items (untracked), or null.</summary>
    public static Task<OwnedRoutine?> OwnedWithItemsAsync(AppDbContext db, string ownerId, int id, CancellationToken cancellationToken) =>
        OwnedWithItems.For(db)(db, ownerId, id, cancellationToken);

    // Compiled: EF's per-execution work on a LINQ query (parameter extraction, cache lookup) cost more than running
    // this small query on the routine page and the sheet (bench/README, "Fresh render"). Whether a program is followed
    // comes with it, so the many routines that follow none need no second statement for the program.
    private static readonly CompiledQuery<Func<AppDbContext, string, int, CancellationToken, Task<OwnedRoutine?>>> OwnedWithItems = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int id, CancellationToken _) =>
            db.Routines.AsNoTracking().Include(r => r.Items).Where(r => r.OwnerId == ownerId && r.Id == id)
                .Select(r => new OwnedRoutine(r, db.Enrollments.Any(e => e.RoutineId == r.Id))).SingleOrDefault()));
}
