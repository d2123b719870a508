using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace StretchLibrary.Web.Routines.Reminders;

/// <summary>
/// What a reminder needs: the routine, its owner, its schedule, the owner's zone, and when the routine or its
/// reminder last changed; a subscribed feed also names the calendar it makes (<see cref="CalendarName"/>).
/// </summary>
public sealed record ReminderRequest(
    int RoutineId,
    string OwnerId,
    string RoutineName,
    IReadOnlyList<string> StretchLines,
    Uri RoutineUrl,
    ReminderSchedule Schedule,
    TimeZoneInfo Zone,
    DateTimeOffset LastModified,
    string? CalendarName = null)
{
    /// <summary>For a routine following a clinician's program: who it is from and, when it changed, what changed.</summary>
    public IReadOnlyList<string> ProgramLines { get; init; } = [];
}

/// <summary>A weekly calendar reminder (RFC 5545) for one routine.</summary>
public static class ReminderCalendar
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    // Monday first, as the form and the app's weeks are.
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>
    /// The same routine and owner always give the same UID, so importing a new download updates the event
    /// instead of adding a second one. The owner id is hashed so it never leaves the server. A second or third
    /// time a day (<paramref name="slot"/> 1 or 2) is an event of its own with its own UID.
    /// </summary>
    public static string Uid(int routineId, string ownerId, int slot = 0)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ownerId)))[..12];
        return slot == 0
            ? string.Create(CultureInfo.InvariantCulture, $"routine-{routineId}-{hash}@stretchlibrary")
            : string.Create(CultureInfo.InvariantCulture, $"routine-{routineId}-{hash}-{slot + 1}@stretchlibrary");
    }

    /// <summary>The first chosen weekday at <paramref name="time"/> that is later than <paramref name="localNow"/>.</summary>
    public static DateTime NextStart(DateTime localNow, IReadOnlyCollection<DayOfWeek> days, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(days);
        var today = DateOnly.FromDateTime(localNow);
        for (var offset = 0; offset <= 7; offset++)
        {
            var date = today.AddDays(offset);
            var start = date.ToDateTime(time);
            if (days.Contains(date.DayOfWeek) && start > localNow)
            {
                return start;
            }
        }

        throw new ArgumentException("Choose at least one weekday.", nameof(days));
    }

    /// <summary>
    /// The .ics text: one weekly event per chosen time of day, each with a reminder at its start, in the owner's
    /// time zone. SEQUENCE is the schedule's revision, so a calendar treats a changed schedule as an update.
    /// </summary>
    public static string Create(ReminderRequest request, DateTimeOffset utcNow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var schedule = request.Schedule;
        var tzId = IanaId(request.Zone);
        // From when the schedule was last changed, not from now: the same schedule gives the same DTSTART on
        // every download and every feed refresh.
        var since = TimeZoneInfo.ConvertTime(schedule.Since, request.Zone).DateTime;
        var starts = schedule.Times.Select(time => NextStart(since, schedule.Days, time)).ToList();

        var calendar = new Ical.Net.Calendar { ProductId = "-//StretchLibrary//Routine reminders//EN" };
        if (request.CalendarName is { } name)
        {
            // What calendar apps show for a subscription: NAME (RFC 7986), X-WR-CALNAME for the many that predate it.
            calendar.AddProperty("NAME", name);
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        // UTC needs no VTIMEZONE (Ical.Net writes such times with a Z); other zones get one so every app
        // reads the times the same way.
        if (tzId != CalDateTime.UtcTzId && tzId != "UTC" && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(tzId) is not null)
        {
            calendar.AddTimeZone(tzId, starts.Min().AddYears(-1), includeHistoricalData: false);
        }

        for (var slot = 0; slot < starts.Count; slot++)
        {
            var start = starts[slot];
            var reminder = new CalendarEvent
            {
                Uid = Uid(request.RoutineId, request.OwnerId, slot),
                Sequence = schedule.Revision,
                DtStamp = new CalDateTime(utcNow.UtcDateTime, CalDateTime.UtcTzId),
                LastModified = new CalDateTime(request.LastModified.UtcDateTime, CalDateTime.UtcTzId),
                Start = new CalDateTime(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), tzId),
                Duration = Duration.FromTimeSpanExact(Length),
                Summary = request.RoutineName,
                Description = Describe(request),
                Url = request.RoutineUrl,
                RecurrenceRule = new RecurrenceRule(FrequencyType.Weekly)
                {
                    ByDay = [.. Week.Where(schedule.Days.Contains).Select(d => new WeekDay(d))],
                },
            };
            reminder.Alarms.Add(new Alarm { Action = AlarmAction.Display, Description = request.RoutineName, Trigger = new Trigger(Duration.Zero) });
            calendar.Events.Add(reminder);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>A file name from the routine's name: lower-case letters, digits and dashes only.</summary>
    public static string FileName(string routineName)
    {
        ArgumentNullException.ThrowIfNull(routineName);
        var name = new StringBuilder();
        foreach (var c in routineName.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        var safe = name.ToString().Trim('-');
        return (safe.Length == 0 ? "routine" : safe[..Math.Min(safe.Length, 60)].TrimEnd('-')) + "-reminder.ics";
    }

    private static string Describe(ReminderRequest request)
    {
        var text = new StringBuilder();
        foreach (var line in request.ProgramLines)
        {
            text.Append(line).Append('\n');
        }

        if (request.ProgramLines.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var line in request.StretchLines)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        return text.Append("\nOpen the routine: ").Append(request.RoutineUrl).ToString();
    }

    /// <summary>Calendar apps expect IANA ids; Windows ids (which .NET also accepts) are converted.</summary>
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id
        : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana
        : "UTC";
}
