using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines;

/// <summary>"Add to routine" from a stretch page: one stretch into one of the person's routines, or into a new one.</summary>
public static class AddToRoutine
{
    /// <summary>A first routine gets a name the person can keep or change, rather than a blank to think about.</summary>
    public const string FirstRoutineName = "My routine";

    /// <summary>Where the stretch went (or was refused), and the message to show.</summary>
    public sealed record Outcome(int RoutineId, string Message);

    /// <summary>The routines the stretch can go into, last changed first; not one that follows a clinician's program, since only the program changes its stretches.</summary>
    public static async Task<IReadOnlyList<(int Id, string Name, bool HasStretch)>> ChoicesAsync(AppDbContext db, string? ownerId, string slug, CancellationToken cancellationToken) =>
        await db.Routines.AsNoTracking().OwnedBy(ownerId).Where(r => !db.Enrollments.Any(e => e.RoutineId == r.Id)).OrderByDescending(r => r.UpdatedAt)
            .Select(r => new ValueTuple<int, string, bool>(r.Id, r.Name, r.Items.Any(i => i.StretchSlug == slug)))
            .ToListAsync(cancellationToken);

    /// <summary>What is wrong with a new routine (<paramref name="routineId"/> 0) named <paramref name="newName"/>; null when nothing is.</summary>
    public static async Task<string?> NewRoutineProblemAsync(AppDbContext db, string? ownerId, int routineId, string? newName, CancellationToken cancellationToken)
    {
        if (routineId == 0 && string.IsNullOrWhiteSpace(newName))
        {
            return "Name the new routine, or pick one of yours.";
        }

        return routineId == 0 && !await db.HasRoomForRoutineAsync(ownerId, cancellationToken) ? AccountLimits.RoutinesFull : null;
    }

    /// <summary>
    /// Adds <paramref name="stretch"/> (as <paramref name="slug"/>, the address it was asked for by) to the owner's routine <paramref name="routineId"/>, or to a new routine named
    /// <paramref name="newName"/> when it is 0 (owned by <paramref name="newRoutineOwner"/>, which may create a guest);
    /// null when the routine is unknown or foreign.
    /// </summary>
    public static async Task<Outcome?> AddAsync(AppDbContext db, string? ownerId, Stretch stretch, string slug, int routineId, string? newName, Func<Task<string>> newRoutineOwner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Routine? routine;
        if (routineId == 0)
        {
            routine = new Routine { OwnerId = await newRoutineOwner(), Name = newName!.Trim(), CreatedAt = now };
            db.Routines.Add(routine);
        }
        else
        {
            routine = await db.Routines.OwnedBy(ownerId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == routineId, cancellationToken);
            if (routine is null)
            {
                return null;
            }

            if (await db.FollowsProgramAsync(routine.Id, cancellationToken))
            {
                return new Outcome(routine.Id, FollowedRoutines.ReadOnly);
            }
        }

        if (routine.Holds(slug))
        {
            return new Outcome(routine.Id, $"{stretch.Title} is already in “{routine.Name}”.");
        }

        if (routine.Append([slug], now) is null)
        {
            return new Outcome(routine.Id, $"{AccountLimits.ItemsFull} {stretch.Title} was not added to “{routine.Name}”.");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(routine.Id, $"Added {stretch.Title} to “{routine.Name}”.");
    }
}
