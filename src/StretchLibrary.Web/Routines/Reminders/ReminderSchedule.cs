using System.Globalization;

namespace StretchLibrary.Web.Routines.Reminders;

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

    /// <summary>
    /// Reads the form's time fields (empty ones skipped): one to <paramref name="slots"/> different times as HH:mm.
    /// Returns what is wrong, or null.
    /// </summary>
    public static string? ReadTimes(IEnumerable<string?> texts, int slots, out List<TimeOnly> times)
    {
        ArgumentNullException.ThrowIfNull(texts);
        times = [];
        foreach (var text in texts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            if (!TimeOnly.TryParseExact(text!.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return "Enter a time as hours and minutes, e.g. 08:00.";
            }

            times.Add(time);
        }

        return times.Count == 0 ? "Enter a time as hours and minutes, e.g. 08:00."
            : times.Count > slots ? (slots == 1 ? "This routine's stretches ask for one session a day: choose one time." : $"Choose at most {slots} times: as often as this routine's stretches ask for.")
            : times.Distinct().Count() != times.Count ? "Choose different times."
            : null;
    }

    public IReadOnlyList<string> TimeTexts => [.. Times.Select(t => t.ToString(TimeFormat, CultureInfo.InvariantCulture))];
}
