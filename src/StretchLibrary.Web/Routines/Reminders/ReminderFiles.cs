using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Routines.Reminders;

/// <summary>A routine's reminder as a calendar file, from the routine and its saved schedule as they are now.</summary>
public static class ReminderFiles
{
    public sealed record ReminderFile(string FileName, string Text);

    /// <summary>The saved schedule of an owned routine, or the default one when nothing was saved.</summary>
    public static async Task<ReminderSchedule> ScheduleAsync(this AppDbContext db, string ownerId, Routine routine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(routine);
        var saved = await db.Reminders.AsNoTracking().OwnedBy(ownerId).SingleOrDefaultAsync(r => r.RoutineId == routine.Id, cancellationToken);
        return saved is null ? ReminderSchedule.Default(routine.CreatedAt) : ReminderSchedule.From(saved);
    }

    /// <summary>
    /// The .ics of <paramref name="ownerId"/>'s routine, or null when they own no such routine. A feed
    /// (<paramref name="feed"/>) names the calendar it becomes; a downloaded file goes into one the person picks.
    /// </summary>
    public static async Task<ReminderFile?> CreateAsync(
        AppDbContext db, ContentSnapshot content, string ownerId, int routineId, string? timeZoneId, Uri routineUrl, DateTimeOffset now, bool feed, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedBy(ownerId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == routineId, cancellationToken);
        if (routine is null)
        {
            return null;
        }

        var schedule = await db.ScheduleAsync(ownerId, routine, cancellationToken);
        var lines = routine.Items.OrderBy(i => i.Position).Select(i => Describe(ItemView.From(i, content))).ToList();
        var lastModified = routine.UpdatedAt > schedule.Since ? routine.UpdatedAt : schedule.Since;
        var zone = LocalClock.FindZone(timeZoneId);
        var program = await db.FollowedProgramAsync(ownerId, routineId, cancellationToken);
        var request = new ReminderRequest(routine.Id, routine.OwnerId, routine.Name, lines, routineUrl, schedule, zone, lastModified,
            feed ? $"StretchLibrary: {routine.Name}" : null)
        {
            ProgramLines = program is null ? [] : [$"From {program.From}", .. program.UpdatedText(zone) is { } updated ? [updated] : Array.Empty<string>()],
        };
        return new ReminderFile(ReminderCalendar.FileName(routine.Name), ReminderCalendar.Create(request, now));
    }

    private static string Describe(ItemView item) =>
        item.Stretch is null ? $"{item.Slug} (no longer in the library)"
        : item.Note is null ? $"{item.Title}: {item.Dosage!.Describe()}"
        : $"{item.Title}: {item.Dosage!.Describe()} ({item.Note})";
}
