using StretchLibrary.Web.Platform;

namespace StretchLibrary.Web.Routines;

/// <summary>How long a routine page or sheet may be served from the owner's page cache.</summary>
internal static class RoutinePageCache
{
    /// <summary>A backstop: even without a write or a new day, a cached page is rendered again after this.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(1);

    /// <summary>Until the user's next local midnight (streaks, "this week" and the sheet's dates change), at most <see cref="MaxAge"/>.</summary>
    public static DateTimeOffset Until(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        var midnight = LocalClock.NextMidnight(utcNow, zone);
        var latest = utcNow + MaxAge;
        return midnight < latest ? midnight : latest;
    }
}
