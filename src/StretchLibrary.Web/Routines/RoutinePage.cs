using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines;

/// <summary>One row of a routine's session history (routine page, History page).</summary>
public sealed record HistoryRow(long Id, DateOnly Date, IReadOnlyList<string> Stretches, int? PainBefore, int? PainAfter, string? Note)
{
    /// <summary>The stretches by their titles, from slugs; one no longer in the library keeps its slug.</summary>
    public HistoryRow Titled(ContentSnapshot snapshot) => this with { Stretches = [.. Stretches.Select(s => snapshot.FindStretch(s)?.Title ?? s)] };
}

/// <summary>
/// What the owner's routine page (<c>/routines/{id}</c>) shows: the routine and its items, how often it was done
/// (counts, streaks, heat map, pain trend, the latest sessions) and its reminder form.
/// </summary>
public sealed record RoutinePage(
    Routine Routine,
    IReadOnlyList<ItemView> Items,
    DateOnly Today,
    AdherenceSummary Summary,
    IReadOnlyDictionary<DateOnly, int> CountsByDate,
    IReadOnlyList<PainPoint> Pain,
    IReadOnlyList<HistoryRow> Recent,
    ReminderFormView ReminderForm,
    bool FollowsProgram)
{
    /// <summary>"2026-03-02:1 2026-03-04:2": each day's sessions, for offline.js to count logs waiting to sync in.</summary>
    public string DayCounts
    {
        get
        {
            // Into one builder: a string per day was 9% of the view's time in a fresh render (bench/README, "Fresh render").
            var text = new StringBuilder(CountsByDate.Count * 13);
            foreach (var (date, count) in CountsByDate)
            {
                text.Append(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : " ")}{date:yyyy-MM-dd}:{count}");
            }

            return text.ToString();
        }
    }

    /// <summary>The items whose stretch is still in the library: what a session can tick.</summary>
    public IReadOnlyList<ItemView> Doable { get; } = [.. Items.Where(i => i.Stretch is not null)];

    /// <summary>
    /// The signed-in user's routine <paramref name="id"/>, or null when they own no such routine. Four reads: the page
    /// makes them inside its one read unit (<see cref="ReadUnit"/>), with the rest of what it shows.
    /// </summary>
    public static Task<RoutinePage?> LoadAsync(AppDbContext db, CurrentUser user, ContentSnapshot content, int id, CancellationToken cancellationToken) =>
        user.Id is { } ownerId ? LoadAsync(db, user, ownerId, content, id, cancellationToken) : Task.FromResult<RoutinePage?>(null);

    private static async Task<RoutinePage?> LoadAsync(AppDbContext db, CurrentUser user, string ownerId, ContentSnapshot content, int id, CancellationToken cancellationToken)
    {
        if (await RoutineReads.OwnedWithItemsAsync(db, ownerId, id, cancellationToken) is not (var routine, var followsProgram))
        {
            return null;
        }

        var items = ItemView.ListOf(routine, content);
        var saved = await Reminder.For(db)(db, ownerId, id, cancellationToken);
        var schedule = saved is null ? ReminderSchedule.Default(routine.CreatedAt) : ReminderSchedule.From(saved);
        // One read for the counts, streaks, heat map and pain trend: every session's date and pain, newest first.
        var sessions = await Sessions.For(db)(db, ownerId, id).ToListAsync(cancellationToken);
        var recent = await Latest.For(db)(db, ownerId, id).ToListAsync(cancellationToken);
        var dates = sessions.ConvertAll(s => s.Date);
        var today = user.Today;
        return new RoutinePage(
            routine,
            items,
            today,
            Adherence.Summarize(dates, today, routine.WeeklyTarget),
            dates.CountBy(d => d).ToDictionary(),
            [.. sessions.Where(p => p.Before is not null || p.After is not null).Take(20).Reverse()],
            recent.ConvertAll(r => r.Titled(content)),
            ReminderFormView.From(id, schedule, ReminderSchedule.SlotsFor(items), user.TimeZoneId),
            followsProgram);
    }

    // Compiled, as RoutineReads: EF's per-execution work on a LINQ query cost more than running these small ones.
    private static readonly CompiledQuery<Func<AppDbContext, string, int, CancellationToken, Task<ReminderSettings?>>> Reminder = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int id, CancellationToken _) => db.Reminders.AsNoTracking().SingleOrDefault(r => r.OwnerId == ownerId && r.RoutineId == id)));

    private static readonly CompiledQuery<Func<AppDbContext, string, int, IAsyncEnumerable<PainPoint>>> Sessions = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int id) => db.Completions.AsNoTracking().Where(c => c.OwnerId == ownerId && c.RoutineId == id)
            .OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id)
            .Select(c => new PainPoint(c.LocalDate, c.PainBefore, c.PainAfter))));

    private static readonly CompiledQuery<Func<AppDbContext, string, int, IAsyncEnumerable<HistoryRow>>> Latest = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string ownerId, int id) => db.Completions.AsNoTracking().Where(c => c.OwnerId == ownerId && c.RoutineId == id)
            .OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id).Take(5)
            .Select(c => new HistoryRow(c.Id, c.LocalDate, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note))));
}
