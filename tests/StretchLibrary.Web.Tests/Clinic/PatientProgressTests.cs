using StretchLibrary.Web.Clinic;

namespace StretchLibrary.Web.Tests.Clinic;

/// <summary>The flags' rules: not done for 7 days or more, and pain before sessions up by 2 or more over two weeks.</summary>
public sealed class PatientProgressTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static PatientRecord Record(IEnumerable<(int DaysAgo, int? PainBefore)> sessions, int acceptedDaysAgo = 60, bool shareSessions = true, bool sharePain = true)
    {
        var accepted = new DateTimeOffset(Today.AddDays(-acceptedDaysAgo).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var link = new Enrollment { OwnerId = "patient", ClinicianId = "clinician", PatientName = "P", AcceptedAt = accepted, ConsentChangedAt = accepted };
        link.SetConsent(shareSessions, sharePain, notes: false, accepted);
        var shared = sessions.Select(s => Today.AddDays(-s.DaysAgo))
            .Zip(sessions, (date, s) => new SharedSession(date, new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero), sharePain ? s.PainBefore : null, null, null, 1))
            .OrderBy(s => s.Date).ToList();
        return new PatientRecord(link, "Neck program", 3, shareSessions ? shared : []) { LastDone = shareSessions && shared.Count > 0 ? shared.Max(s => s.Date) : null };
    }

    private static IReadOnlyList<PatientAlert> Flags(PatientRecord record) => PatientProgress.Of(record, Today).Flags;

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    [InlineData(30, true)]
    public void Not_done_is_flagged_from_7_days_after_the_last_session(int daysAgo, bool flagged) =>
        Assert.Equal(flagged, Flags(Record([(daysAgo, null)])).Contains(PatientAlert.NotDoneRecently));

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Never_done_counts_from_joining(int acceptedDaysAgo, bool flagged) =>
        Assert.Equal(flagged, Flags(Record([], acceptedDaysAgo)).Contains(PatientAlert.NotDoneRecently));

    [Fact]
    public void The_last_session_before_the_12_weeks_still_counts_as_last_done()
    {
        var record = Record([]) with { LastDone = Today.AddDays(-200) };

        var progress = PatientProgress.Of(record, Today);

        Assert.Equal(Today.AddDays(-200), progress.LastDone);
        Assert.Equal("on 9 May 2026", progress.LastDoneText);
        Assert.Contains(PatientAlert.NotDoneRecently, progress.Flags);
    }

    [Fact]
    public void Pain_up_by_2_on_average_this_week_against_last_week_is_flagged()
    {
        // Last week (8-13 days ago) averages 3; this week (0-6 days ago) averages 5.
        var record = Record([(13, 2), (9, 4), (5, 5), (1, 4), (0, 6)]);

        Assert.Equal([PatientAlert.PainUp], Flags(record));
    }

    [Theory]
    [InlineData(4, false)] // up by 1.5 (3 to 4.5)
    [InlineData(5, true)] // up by 2 exactly (3 to 5)
    [InlineData(1, false)] // down
    public void Pain_up_needs_a_rise_of_2_or_more(int painToday, bool flagged) =>
        Assert.Equal(flagged, Flags(Record([(10, 3), (8, 3), (2, 5), (0, painToday)])).Contains(PatientAlert.PainUp));

    [Fact]
    public void Pain_up_needs_a_score_in_both_weeks_and_pain_shared()
    {
        Assert.Empty(Flags(Record([(1, 9), (0, 9)])));
        Assert.Empty(Flags(Record([(20, 0), (1, 9), (0, 9)])));
        Assert.Empty(Flags(Record([(10, 1), (1, 9), (0, 9)], sharePain: false)));
        Assert.Equal([PatientAlert.PainUp], Flags(Record([(10, 1), (1, 9), (0, 9)])));
    }

    [Fact]
    public void A_patient_who_shares_no_sessions_has_no_figures_and_no_flags()
    {
        var progress = PatientProgress.Of(Record([(30, 9)], shareSessions: false), Today);

        Assert.Empty(progress.Flags);
        Assert.Null(progress.ThisWeek);
        Assert.Null(progress.Streak);
        Assert.Empty(progress.Weeks);
        Assert.Equal("not shared", progress.LastDoneText);
        Assert.Equal("Chose not to share sessions", progress.ConsentText);
    }

    [Fact]
    public void This_week_counts_against_the_target_and_the_12_weeks_start_on_a_monday()
    {
        var progress = PatientProgress.Of(Record([(2, null), (1, null), (1, null)]), Today);

        Assert.Equal("3 of 3", progress.WeekText);
        Assert.Equal(2, progress.Streak);
        Assert.Equal(12, progress.Weeks.Count);
        Assert.Equal(new DateOnly(2026, 9, 7), progress.Weeks[0].Start);
        Assert.Equal((3, 2), (progress.Weeks[^1].Sessions, progress.Weeks[^1].DaysDone));
    }
}
