using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines;

/// <summary>What the "Mark done" form needs: the routine, the user's local today, and the stretches to tick.</summary>
public sealed record DoneFormView(int RoutineId, DateOnly Today, IReadOnlyList<ItemView> Items, SessionInput? Input = null)
{
    /// <summary>
    /// The form for the owner's routine, with the routine's name: its stretches still in the library, in order, and
    /// the owner's today (where the browser says it is, when it says). Null when the owner has no such routine.
    /// </summary>
    public static async Task<(string RoutineName, DoneFormView Form)?> LoadAsync(
        AppDbContext db, ContentSnapshot content, SessionLog sessions, string? ownerId, int routineId, SessionInput? input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var routine = await db.Routines.AsNoTracking().OwnedBy(ownerId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == routineId, cancellationToken);
        if (routine is null)
        {
            return null;
        }

        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, content)).Where(i => i.Stretch is not null).ToArray();
        var today = await sessions.TodayAsync(routine.OwnerId, input?.Tz, cancellationToken);
        return (routine.Name, new DoneFormView(routineId, today, items, input));
    }
}
