using System.Globalization;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Tests.Tracking;

public class AdherenceTests
{
    // Wednesday 4 March 2026; its week started on Monday 2 March.
    private static readonly DateOnly Today = new(2026, 3, 4);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateOnly DaysAgo(int days) => Today.AddDays(-days);

    [Theory]
    [InlineData(2026, 3, 2, 2026, 3, 2)]    // Monday is its own week start
    [InlineData(2026, 3, 4, 2026, 3, 2)]    // Wednesday
    [InlineData(2026, 3, 8, 2026, 3, 2)]    // Sunday ends the week that began on Monday
    [InlineData(2026, 3, 9, 2026, 3, 9)]    // the next Monday starts a new one
    [InlineData(2026, 3, 1, 2026, 2, 23)]   // Sunday 1 March belongs to the week of Monday 23 February
    [InlineData(2026, 12, 31, 2026, 12, 28)] // across the year end
    [InlineData(2027, 1, 3, 2026, 12, 28)]
    public void Weeks_start_on_Monday(int year, int month, int day, int startYear, int startMonth, int startDay)
    {
        var start = Adherence.WeekStart(D(year, month, day));

        Assert.Equal(D(startYear, startMonth, startDay), start);
    }

    [Fact]
    public void No_completions_is_no_streak()
    {
        Assert.Equal(0, Adherence.CurrentStreak([], Today));
        Assert.Equal(0, Adherence.LongestStreak([]));
    }

    [Fact]
    public void Only_today_is_a_streak_of_one()
    {
        var streak = Adherence.CurrentStreak([Today], Today);

        Assert.Equal(1, streak);
    }

    [Fact]
    public void Today_and_yesterday_is_a_streak_of_two()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(1), Today], Today);

        Assert.Equal(2, streak);
    }

    [Fact]
    public void Streak_survives_when_today_is_not_done_yet()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(3), DaysAgo(2), DaysAgo(1)], Today);

        Assert.Equal(3, streak);
    }

    [Fact]
    public void Yesterday_only_is_a_live_streak_of_one()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(1)], Today);

        Assert.Equal(1, streak);
    }

    [Fact]
    public void Streak_is_over_when_the_last_completion_was_two_days_ago()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(4), DaysAgo(3), DaysAgo(2)], Today);

        Assert.Equal(0, streak);
    }

    [Fact]
    public void A_missed_day_breaks_the_streak()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(5), DaysAgo(4), DaysAgo(3), DaysAgo(1), Today], Today);

        Assert.Equal(2, streak);
    }

    [Fact]
    public void Two_completions_on_one_day_count_once()
    {
        var dates = new[] { DaysAgo(1), DaysAgo(1), Today, Today, Today };

        Assert.Equal(2, Adherence.CurrentStreak(dates, Today));
        Assert.Equal(2, Adherence.LongestStreak(dates));
    }

    [Fact]
    public void Longest_streak_is_the_longest_run_between_gaps()
    {
        var dates = new[]
        {
            D(2026, 1, 1), D(2026, 1, 2),
            D(2026, 1, 10), D(2026, 1, 11), D(2026, 1, 12), D(2026, 1, 13),
            D(2026, 2, 1), D(2026, 2, 2), D(2026, 2, 3),
        };

        Assert.Equal(4, Adherence.LongestStreak(dates));
    }

    [Fact]
    public void Longest_streak_does_not_depend_on_order()
    {
        var dates = new[] { D(2026, 1, 3), D(2026, 1, 1), D(2026, 1, 2), D(2025, 12, 31) };

        Assert.Equal(4, Adherence.LongestStreak(dates));
    }

    [Fact]
    public void Streak_runs_across_a_daylight_saving_change_and_a_month_end()
    {
        // Europe/Berlin moves its clocks on 29 March 2026; March has 31 days.
        var dates = new[] { D(2026, 3, 28), D(2026, 3, 29), D(2026, 3, 30), D(2026, 3, 31), D(2026, 4, 1) };

        Assert.Equal(5, Adherence.CurrentStreak(dates, D(2026, 4, 1)));
        Assert.Equal(5, Adherence.LongestStreak(dates));
    }

    [Fact]
    public void Streak_runs_across_a_year_end()
    {
        var dates = new[] { D(2026, 12, 30), D(2026, 12, 31), D(2027, 1, 1) };

        Assert.Equal(3, Adherence.CurrentStreak(dates, D(2027, 1, 2)));
    }

    [Fact]
    public void Completions_after_today_are_ignored()
    {
        var streak = Adherence.CurrentStreak([Today.AddDays(1), Today.AddDays(2)], Today);

        Assert.Equal(0, streak);
    }

    [Fact]
    public void A_completion_tomorrow_does_not_stretch_todays_streak()
    {
        var streak = Adherence.CurrentStreak([DaysAgo(1), Today, Today.AddDays(1)], Today);

        Assert.Equal(2, streak);
    }

    [Theory]
    [InlineData(0, "today")]
    [InlineData(1, "yesterday")]
    [InlineData(2, "2 days ago")]
    [InlineData(13, "13 days ago")]
    [InlineData(14, "2 weeks ago")]
    [InlineData(20, "2 weeks ago")]
    [InlineData(21, "3 weeks ago")]
    [InlineData(59, "8 weeks ago")]
    [InlineData(60, "on 3 Jan 2026")]
    [InlineData(400, "on 28 Jan 2025")]
    public void Last_done_reads_as_words(int daysAgo, string expected)
    {
        var text = Adherence.DescribeLastDone(DaysAgo(daysAgo), Today);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void Last_done_is_never_without_completions()
    {
        Assert.Equal("never", Adherence.DescribeLastDone(null, Today));
    }

    [Fact]
    public void Last_done_after_today_shows_its_date()
    {
        Assert.Equal("on 5 Mar 2026", Adherence.DescribeLastDone(Today.AddDays(1), Today));
    }

    [Fact]
    public void Last_done_date_is_written_the_same_in_any_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal("on 3 Mar 2026", Adherence.DescribeLastDone(D(2026, 3, 3), D(2026, 12, 1)));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Summary_counts_sessions_this_week_against_the_target()
    {
        DateOnly[] dates =
        [
            DaysAgo(9), DaysAgo(8),          // the week before: 23-24 February
            DaysAgo(3),                      // Sunday 1 March closes last week
            DaysAgo(2), DaysAgo(1), DaysAgo(1), // Monday and Tuesday, twice on Tuesday
        ];

        var summary = Adherence.Summarize(dates, Today, weeklyTarget: 5);

        Assert.Equal(6, summary.Total);
        Assert.Equal(3, summary.ThisWeek);
        Assert.Equal("3 of 5 this week", summary.WeekText);
        Assert.Equal(3, summary.CurrentStreak);
        Assert.Equal(3, summary.LongestStreak);
        Assert.Equal(DaysAgo(1), summary.LastDone);
        Assert.Equal("yesterday", summary.LastDoneText);
    }

    [Fact]
    public void Summary_without_a_target_says_only_the_count()
    {
        var summary = Adherence.Summarize([Today], Today, weeklyTarget: null);

        Assert.Equal("1 this week", summary.WeekText);
    }

    [Fact]
    public void Completions_last_week_do_not_count_this_week()
    {
        var summary = Adherence.Summarize([DaysAgo(3), DaysAgo(4), DaysAgo(5)], Today, weeklyTarget: 3);

        Assert.Equal(0, summary.ThisWeek);
        Assert.Equal("0 of 3 this week", summary.WeekText);
        Assert.Equal(3, summary.Total);
    }

    [Fact]
    public void On_Monday_the_week_holds_only_today()
    {
        var monday = D(2026, 3, 9);

        var summary = Adherence.Summarize([monday.AddDays(-1), monday], monday, weeklyTarget: 4);

        Assert.Equal("1 of 4 this week", summary.WeekText);
    }

    [Fact]
    public void Summary_of_nothing_done()
    {
        var summary = Adherence.Summarize([], Today, weeklyTarget: 3);

        Assert.Equal(new AdherenceSummary(0, 0, 3, 0, 0, null, "never"), summary);
        Assert.Equal("0 of 3 this week", summary.WeekText);
    }

    [Fact]
    public void Summary_leaves_dates_after_today_out_of_the_week_streaks_and_last_done()
    {
        var summary = Adherence.Summarize([DaysAgo(10), Today.AddDays(1), Today.AddDays(2)], Today, weeklyTarget: null);

        Assert.Equal(3, summary.Total);
        Assert.Equal(0, summary.ThisWeek);
        Assert.Equal(0, summary.CurrentStreak);
        Assert.Equal(1, summary.LongestStreak);
        Assert.Equal("10 days ago", summary.LastDoneText);
    }
}
