namespace StretchLibrary.Web.Platform;

/// <summary>The user's calendar: which date it is where they live, from an IANA time zone id.</summary>
public static class LocalClock
{
    /// <summary>Longest zone id looked up; the longest IANA id is about 30 characters.</summary>
    public const int MaxZoneLength = 64;

    /// <summary>The calendar date in <paramref name="zone"/> at the instant <paramref name="utcNow"/>.</summary>
    public static DateOnly Today(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime);
    }

    /// <summary>
    /// The first instant of the next calendar day in <paramref name="zone"/>, when "today" changes for the user.
    /// Where a DST change moves local midnight, the earliest instant that is already tomorrow.
    /// </summary>
    public static DateTimeOffset NextMidnight(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        var tomorrow = Today(utcNow, zone).AddDays(1).ToDateTime(TimeOnly.MinValue);
        var offset = zone.IsAmbiguousTime(tomorrow) ? zone.GetAmbiguousTimeOffsets(tomorrow).Max()
            : zone.IsInvalidTime(tomorrow) ? zone.GetUtcOffset(tomorrow.AddHours(-3))
            : zone.GetUtcOffset(tomorrow);
        return new DateTimeOffset(tomorrow.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The zone with this IANA id (e.g. "Europe/Berlin"); UTC when the id is missing or unknown.</summary>
    public static TimeZoneInfo FindZone(string? id) => Find(id) ?? TimeZoneInfo.Utc;

    /// <summary>Whether this machine's time zone data knows the id.</summary>
    public static bool IsKnownZone(string? id) => Find(id) is not null;

    private static TimeZoneInfo? Find(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxZoneLength && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}
