using System.Globalization;
using StretchLibrary.Web.Data;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// When a routine's reminder goes off: weekdays, one to three local times, the revision (the events' SEQUENCE)
/// and when it was last changed (the first event is the first chosen day and time after that).
/// </summary>
public sealed record ReminderSchedule(IReadOnlyCollection<DayOfWeek> Days, IReadOnlyList<TimeOnly> Times, int Revision, DateTimeOffset Since)
{
    public const string TimeFormat = "HH:mm";

    public static readonly TimeOnly DefaultTime = new(8, 0);

    /// <summary>Weekdays at 08:00, until the owner saves something else.</summary>
    public static ReminderSchedule Default(DateTimeOffset since) => new([.. ReminderCalendar.Week.Take(5)], [DefaultTime], 0, since);

    public static ReminderSchedule From(ReminderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(DaysOf(settings.DaysMask), ParseTimes(settings.Times), settings.Revision, settings.UpdatedAt);
    }

    /// <summary>How many times a day the form offers: as often as the routine's most frequent stretch asks for, up to three.</summary>
    public static int SlotsFor(IEnumerable<ItemView> items) =>
        Math.Clamp(items.Select(i => i.Dosage?.PerDay?.Max ?? 1).DefaultIfEmpty(1).Max(), 1, ReminderSettings.MaxTimesPerDay);

    public static int Mask(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (mask, day) => mask | (1 << (int)day));

    public static IReadOnlyCollection<DayOfWeek> DaysOf(int mask) => [.. ReminderCalendar.Week.Where(d => (mask & (1 << (int)d)) != 0)];

    public static string FormatTimes(IEnumerable<TimeOnly> times) =>
        string.Join(' ', times.Order().Select(t => t.ToString(TimeFormat, CultureInfo.InvariantCulture)));

    public static IReadOnlyList<TimeOnly> ParseTimes(string times) =>
        [.. times.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => TimeOnly.ParseExact(t, TimeFormat, CultureInfo.InvariantCulture))];

    public IReadOnlyList<string> TimeTexts => [.. Times.Select(t => t.ToString(TimeFormat, CultureInfo.InvariantCulture))];
}
