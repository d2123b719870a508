using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>One line of the "Routines" list: a routine, its size, and how often and when it was last done.</summary>
public sealed record RoutineRow(int Id, string Name, int ItemCount, int TimesDone, DateOnly? LastDone)
{
    /// <summary>The owner's routines by name; a clinician's programs are listed in their clinic workspace, not among their own routines.</summary>
    public static async Task<IReadOnlyList<RoutineRow>> ListAsync(AppDbContext db, string? ownerId, CancellationToken cancellationToken) =>
        await db.Routines.AsNoTracking().OwnedBy(ownerId).Where(r => !r.IsProgram)
            .OrderBy(r => r.Name)
            .Select(r => new RoutineRow(r.Id, r.Name, r.Items.Count, r.Completions.Count, r.Completions.Max(c => (DateOnly?)c.LocalDate)))
            .ToListAsync(cancellationToken);
}
