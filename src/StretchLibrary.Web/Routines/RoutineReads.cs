using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>Reads of one owned routine that several pages make on every render.</summary>
public static class RoutineReads
{
    /// <summary>The routine <paramref name="id"/> of <paramref name="ownerId"/> with its items (untracked), or null.</summary>
    public static Task<Routine?> OwnedWithItemsAsync(AppDbContext db, string ownerId, int id, CancellationToken cancellationToken) =>
        OwnedWithItems.For(db)(db, ownerId, id, cancellationToken);

    // Compiled: EF's per-execution work on a LINQ query (parameter extraction, cache lookup) cost more than running
    // this small query on the routine page and the sheet (bench/README, "Fresh render").
    private static readonly CompiledQuery<Func<AppDbContext, string, int, CancellationToken, Task<Routine?>>> OwnedWithItems = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int id, CancellationToken _) =>
            db.Routines.AsNoTracking().Include(r => r.Items).SingleOrDefault(r => r.OwnerId == ownerId && r.Id == id)));
}
