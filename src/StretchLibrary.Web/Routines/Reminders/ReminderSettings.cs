namespace StretchLibrary.Web.Routines.Reminders;

/// <summary>
/// A routine's calendar reminder as its owner last saved it: weekdays and one to three times a day. One row per
/// routine; without one the reminder form offers weekdays at 08:00.
/// </summary>
public sealed class ReminderSettings
{
    public const int MaxTimesPerDay = 3;

    /// <summary>The routine is the key: a routine has at most one reminder.</summary>
    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>Bit (1 &lt;&lt; (int)DayOfWeek) for each chosen weekday.</summary>
    public int DaysMask { get; set; }

    /// <summary>Local times as "HH:mm", space-separated, earliest first.</summary>
    public required string Times { get; set; }

    /// <summary>Raised each time the days or times change: the calendar event's SEQUENCE.</summary>
    public int Revision { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A calendar subscription to one routine's reminder (<c>/calendar/{token}.ics</c>). Like a share link, only a
/// SHA-256 hash of its token is stored, and a revoked feed answers 404.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }

    public int RoutineId { get; set; }

    /// <summary>Denormalised from the routine so every owner-side query can filter by owner directly.</summary>
    public required string OwnerId { get; set; }

    /// <summary>SHA-256 of the token, in hex.</summary>
    public required string TokenHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
