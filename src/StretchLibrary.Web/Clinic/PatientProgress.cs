using System.Globalization;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Clinic;

/// <summary>What a clinician is told to look at for a patient.</summary>
public enum PatientAlert
{
    /// <summary>No session for <see cref="PatientProgress.NotDoneDays"/> days or more (counted from joining when never done).</summary>
    NotDoneRecently,

    /// <summary>Pain before sessions this week averages <see cref="PatientProgress.PainRise"/> or more above the week before.</summary>
    PainUp,
}

/// <summary>One week (Monday to Sunday) of a patient's sessions: how many, on how many days, and the average pain when shared.</summary>
public sealed record WeekAdherence(DateOnly Start, int Sessions, int DaysDone, double? PainBefore, double? PainAfter);

/// <summary>
/// A patient's adherence as their clinician sees it, worked out from a <see cref="PatientRecord"/> (so only from what
/// the patient shares): this week against the program's target, last done, streak, the weeks, and the flags.
/// Everything is null or empty when the patient does not share sessions.
/// </summary>
public sealed record PatientProgress(
    PatientRecord Record,
    DateOnly Today,
    int? ThisWeek,
    DateOnly? LastDone,
    int? Streak,
    IReadOnlyList<WeekAdherence> Weeks,
    IReadOnlyList<PatientAlert> Flags)
{
    public const int Weeks12 = 12, NotDoneDays = 7, PainRise = 2;

    public Enrollment Link => Record.Link;

    public bool Shared => Record.SharesSessions;

    /// <summary>The patient stopped sharing sessions after joining (rather than never sharing them).</summary>
    public bool Withdrew => !Link.ShareSessions && Link.ConsentChangedAt > Link.AcceptedAt;

    /// <summary>"2 of 3" or "2" (no target); null when not shared.</summary>
    public string? WeekText => ThisWeek is not { } done ? null : Record.WeeklyTarget is { } target ? $"{done} of {target}" : $"{done}";

    /// <summary>This week's share of the weekly target (1 = met), for sorting; sessions alone without a target.</summary>
    public double? WeekShare => ThisWeek is not { } done ? null : Record.WeeklyTarget is { } target and > 0 ? (double)done / target : done;

    public string LastDoneText => Shared ? Adherence.DescribeLastDone(LastDone, Today) : "not shared";

    /// <summary>The first day of the 12 weeks shown (a Monday).</summary>
    public static DateOnly Since(DateOnly today) => Adherence.WeekStart(today).AddDays(-7 * (Weeks12 - 1));

    public static PatientProgress Of(PatientRecord record, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.SharesSessions)
        {
            return new PatientProgress(record, today, null, null, null, [], []);
        }

        var dates = record.Sessions.Select(s => s.Date).ToList();
        var summary = Adherence.Summarize(dates, today, record.WeeklyTarget);
        var lastDone = record.LastDone is { } last && last <= today ? last : summary.LastDone;
        var since = Since(today);
        var weeks = Enumerable.Range(0, Weeks12).Select(w => since.AddDays(7 * w)).Select(start =>
        {
            var inWeek = record.Sessions.Where(s => s.Date >= start && s.Date < start.AddDays(7) && s.Date <= today).ToList();
            return new WeekAdherence(start, inWeek.Count, inWeek.Select(s => s.Date).Distinct().Count(),
                Average(inWeek.Select(s => s.PainBefore)), Average(inWeek.Select(s => s.PainAfter)));
        }).ToList();
        return new PatientProgress(record, today, summary.ThisWeek, lastDone, summary.CurrentStreak, weeks, FlagsFor(record, today, lastDone));
    }

    /// <summary>
    /// Not done for 7 days or more: since the last session, or since joining when there is none. Pain up: the
    /// average pain before sessions in the last 7 days (today included) is 2 or more above the 7 days before
    /// that; both weeks need a score, and pain must be shared.
    /// </summary>
    public static IReadOnlyList<PatientAlert> FlagsFor(PatientRecord record, DateOnly today, DateOnly? lastDone)
    {
        ArgumentNullException.ThrowIfNull(record);
        var flags = new List<PatientAlert>();
        if (!record.SharesSessions)
        {
            return flags;
        }

        var from = lastDone ?? DateOnly.FromDateTime(record.Link.AcceptedAt.UtcDateTime);
        if (today.DayNumber - from.DayNumber >= NotDoneDays)
        {
            flags.Add(PatientAlert.NotDoneRecently);
        }

        var recent = Mean(record.Sessions.Where(s => s.Date > today.AddDays(-7) && s.Date <= today).Select(s => s.PainBefore));
        var before = Mean(record.Sessions.Where(s => s.Date > today.AddDays(-14) && s.Date <= today.AddDays(-7)).Select(s => s.PainBefore));
        if (record.Link.SharePain && recent - before >= PainRise)
        {
            flags.Add(PatientAlert.PainUp);
        }

        return flags;
    }

    /// <summary>The flag in words, for the page and the CSV.</summary>
    public static string Describe(PatientAlert flag) => flag switch
    {
        PatientAlert.NotDoneRecently => $"Not done for {NotDoneDays} days or more",
        PatientAlert.PainUp => $"Pain before sessions up by {PainRise} or more over two weeks",
        _ => flag.ToString(),
    };

    /// <summary>What the patient shares, in words: "Sessions, pain", "Withdrew consent on 3 Dec 2026".</summary>
    public string ConsentText => Shared
        ? "Shares " + string.Join(", ", new[] { "sessions", Link.SharePain ? "pain" : null, Link.ShareNotes ? "notes" : null }.OfType<string>())
        : Withdrew
            ? "Withdrew consent on " + Link.ConsentChangedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : "Chose not to share sessions";

    private static double? Mean(IEnumerable<int?> values)
    {
        var known = values.OfType<int>().ToList();
        return known.Count == 0 ? null : known.Average();
    }

    private static double? Average(IEnumerable<int?> values) =>
        Mean(values) is { } mean ? Math.Round(mean, 1, MidpointRounding.AwayFromZero) : null;
}
