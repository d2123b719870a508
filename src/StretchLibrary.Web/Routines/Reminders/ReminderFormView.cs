namespace StretchLibrary.Web.Routines.Reminders;

/// <summary>
/// What the reminder form shows: the chosen weekdays and times, how many times a day it offers, and the owner's
/// zone when known.
/// </summary>
public sealed record ReminderFormView(int RoutineId, IReadOnlyCollection<DayOfWeek> Days, IReadOnlyList<string> Times, int Slots, string? TimeZone = null)
{
    public static ReminderFormView From(int routineId, ReminderSchedule schedule, int slots, string? timeZone = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(routineId, schedule.Days, schedule.TimeTexts, Math.Max(slots, schedule.Times.Count), timeZone);
    }

    /// <summary>The time shown in the n-th time field (empty past the chosen ones).</summary>
    public string TimeAt(int slot) => slot < Times.Count ? Times[slot] : "";
}
