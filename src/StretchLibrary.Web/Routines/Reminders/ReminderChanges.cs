using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Reminders;

public static class ReminderChanges
{
    /// <summary>
    /// Stores the weekdays and times chosen for an owned routine's reminder. A changed schedule is a new revision of
    /// the same events (calendars replace them instead of adding more); the same schedule saved again changes nothing.
    /// </summary>
    public static async Task SaveReminderAsync(this AppDbContext db, Routine routine, IEnumerable<DayOfWeek> days, IEnumerable<TimeOnly> times, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var mask = ReminderSchedule.Mask(days);
        var text = ReminderSchedule.FormatTimes(times);
        var saved = await db.Reminders.OwnedBy(routine.OwnerId).SingleOrDefaultAsync(r => r.RoutineId == routine.Id, cancellationToken);
        var current = saved is null ? ReminderSchedule.Default(routine.CreatedAt) : ReminderSchedule.From(saved);
        if (saved is null)
        {
            saved = new ReminderSettings { RoutineId = routine.Id, OwnerId = routine.OwnerId, Times = text };
            db.Reminders.Add(saved);
        }

        if (ReminderSchedule.Mask(current.Days) != mask || ReminderSchedule.FormatTimes(current.Times) != text)
        {
            (saved.DaysMask, saved.Times, saved.Revision, saved.UpdatedAt) = (mask, text, current.Revision + 1, now);
        }
        else if (db.Entry(saved).State == EntityState.Added)
        {
            // The default schedule saved as it is: stored, still the revision (and date) the calendars know.
            (saved.DaysMask, saved.Revision, saved.UpdatedAt) = (mask, current.Revision, current.Since);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
