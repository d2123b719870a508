namespace StretchLibrary.Web.Pages.Routines;

/// <summary>What the reminder form shows: the chosen weekdays and time, and the owner's zone when known.</summary>
public sealed record ReminderFormView(int RoutineId, IReadOnlyCollection<DayOfWeek> Days, string Time, string? TimeZone = null)
{
    public const string DefaultTime = "08:00";

    /// <summary>Weekdays at 08:00, until the user says otherwise.</summary>
    public static ReminderFormView Default(int routineId, string? timeZone = null) =>
        new(routineId, [.. ReminderCalendar.Week.Take(5)], DefaultTime, timeZone);
}
