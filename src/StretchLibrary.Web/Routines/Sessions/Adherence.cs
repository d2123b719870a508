using System.Globalization;

namespace StretchLibrary.Web.Routines.Sessions;

/// <summary>How often a routine was done, from the local dates of its completions.</summary>
public sealed record AdherenceSummary(
    int Total,
    int ThisWeek,
    int? WeeklyTarget,
    int CurrentStreak,
    int LongestStreak,
    DateOnly? LastDone,
    string LastDoneText)
{
    public string WeekText => WeeklyTarget is { } target
        ? $"{ThisWeek} of {target} this week"
        : $"{ThisWeek} this week";
}

/// <summary>Weeks, streaks and "last done" text. All dates are the user's local calendar dates.</summary>
public static class Adherence
{
    /// <summary>The Monday on or before <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// Days in a row with at least one completion, ending today, or ending yesterday while today is not done yet.
    /// Dates after today are ignored.
    /// </summary>
    public static int CurrentStreak(IEnumerable<DateOnly> dates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var done = dates.Where(d => d <= today).Select(d => d.DayNumber).ToHashSet();
        var day = done.Contains(today.DayNumber) ? today.DayNumber : today.DayNumber - 1;
        var streak = 0;
        while (done.Contains(day))
        {
            streak++;
            day--;
        }

        return streak;
    }

    /// <summary>The most days in a row with at least one completion.</summary>
    public static int LongestStreak(IEnumerable<DateOnly> dates)
    {
        ArgumentNullException.ThrowIfNull(dates);
        var longest = 0;
        var run = 0;
        int? previous = null;
        foreach (var day in dates.Select(d => d.DayNumber).Distinct().Order())
        {
            run = day - 1 == previous ? run + 1 : 1;
            longest = Math.Max(longest, run);
            previous = day;
        }

        return longest;
    }

    /// <summary>"never", "today", "yesterday", "5 days ago", "3 weeks ago" or "on 3 Mar 2026".</summary>
    public static string DescribeLastDone(DateOnly? last, DateOnly today)
    {
        if (last is not { } date)
        {
            return "never";
        }

        var days = today.DayNumber - date.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "yesterday",
            >= 2 and < 14 => $"{days} days ago",
            >= 14 and < 60 => $"{days / 7} weeks ago",
            // Far back, or after today (logged from a zone ahead of the user's): the date says it plainly.
            _ => "on " + date.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// Figures for one routine. Total counts sessions, not days; this week runs from Monday to today.
    /// Streaks and "last done" ignore dates after today.
    /// </summary>
    public static AdherenceSummary Summarize(IReadOnlyCollection<DateOnly> completionDates, DateOnly today, int? weeklyTarget)
    {
        ArgumentNullException.ThrowIfNull(completionDates);
        var weekStart = WeekStart(today);
        var upToToday = completionDates.Where(d => d <= today).ToList();
        DateOnly? last = upToToday.Count == 0 ? null : upToToday.Max();

        return new AdherenceSummary(
            Total: completionDates.Count,
            ThisWeek: upToToday.Count(d => d >= weekStart),
            WeeklyTarget: weeklyTarget,
            CurrentStreak: CurrentStreak(upToToday, today),
            LongestStreak: LongestStreak(upToToday),
            LastDone: last,
            LastDoneText: DescribeLastDone(last, today));
    }
}
