using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Pages.Routines;

public sealed class DetailsModel(AppDbContext db, CurrentUser currentUser, ContentStore content, TimeProvider clock) : PageModel
{
    public sealed record HistoryRow(long Id, DateOnly Date, IReadOnlyList<string> Stretches, int? PainBefore, int? PainAfter, string? Note)
    {
        /// <summary>The stretches by their titles, from slugs; one no longer in the library keeps its slug.</summary>
        public HistoryRow Titled(ContentSnapshot snapshot) => this with { Stretches = [.. Stretches.Select(s => snapshot.FindStretch(s)?.Title ?? s)] };
    }

    public Routine Routine { get; private set; } = default!;

    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    public AdherenceSummary Summary { get; private set; } = default!;

    public IReadOnlyDictionary<DateOnly, int> CountsByDate { get; private set; } = new Dictionary<DateOnly, int>();

    /// <summary>"2026-03-02:1 2026-03-04:2": each day's sessions, for offline.js to count logs waiting to sync in.</summary>
    public string DayCounts => string.Join(' ', CountsByDate.Select(d => FormattableString.Invariant($"{d.Key:yyyy-MM-dd}:{d.Value}")));

    public IReadOnlyList<PainPoint> Pain { get; private set; } = [];

    public IReadOnlyList<HistoryRow> Recent { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public ReminderFormView ReminderForm { get; private set; } = default!;

    /// <summary>The clinician's program this routine follows (its items are then read-only here); null for the reader's own.</summary>
    public FollowedProgramPanel? Program { get; private set; }

    /// <summary>Set instead of <see cref="Routine"/> when the routine is not the reader's.</summary>
    public RoutineLinkExplained? Explained { get; private set; }

    [BindProperty, Required(ErrorMessage = "Give the routine a name."), StringLength(Routine.NameMaxLength, ErrorMessage = "Keep the name under {1} characters."), PlainText]
    public string? Name { get; set; }

    [BindProperty, Range(1, 21, ErrorMessage = "Choose between {1} and {2} times a week, or leave it empty.")]
    [Display(Name = "Weekly target")]
    public int? WeeklyTarget { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = currentUser.Id;
        if (userId is null)
        {
            // A sheet's QR code or a reminder's link opened on another device: explain how to open it.
            return RedirectToPage("Open", new { id });
        }

        var routine = await db.Routines.AsNoTracking().OwnedWithItems(userId).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            // Someone else's routine (or none) on the same link, opened in the reader's own account: the
            // explanation, answered with 404 at this address.
            Explained = RoutineLinkExplained.For(id, signedIn: true);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Routine = routine;
        Program = await db.FollowedProgramAsync(userId, id, cancellationToken) is { } followed
            ? new FollowedProgramPanel(followed, followed.UpdatedText(currentUser.Zone), routine.Notes) : null;
        var snapshot = content.Current;
        Items = [.. routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot))];
        Today = currentUser.Today;
        ReminderForm = ReminderFormView.From(id, await db.ScheduleAsync(userId!, routine, cancellationToken), ReminderSchedule.SlotsFor(Items), currentUser.TimeZoneId);
        HttpContext.CacheForOwnerUntil(RoutinePageCache.Until(currentUser.Now, currentUser.Zone));
        var completions = db.Completions.AsNoTracking().OwnedBy(userId).Where(c => c.RoutineId == id);
        // One read for the counts, streaks, heat map and pain trend: every session's date and pain, newest first.
        var sessions = await completions.OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id)
            .Select(c => new PainPoint(c.LocalDate, c.PainBefore, c.PainAfter)).ToListAsync(cancellationToken);
        var dates = sessions.ConvertAll(s => s.Date);
        Summary = Adherence.Summarize(dates, Today, routine.WeeklyTarget);
        CountsByDate = dates.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        Pain = [.. sessions.Where(p => p.Before is not null || p.After is not null).Take(20).Reverse()];
        Recent = [.. (await completions.OrderByDescending(c => c.LocalDate).ThenByDescending(c => c.Id).Take(5)
            .Select(c => new HistoryRow(c.Id, c.LocalDate, c.StretchSlugs, c.PainBefore, c.PainAfter, c.Note)).ToListAsync(cancellationToken))
            .Select(r => r.Titled(snapshot))];
        Name ??= routine.Name;
        WeeklyTarget ??= routine.WeeklyTarget;
        return Page();
    }

    public Task<IActionResult> OnPostRenameAsync(int id, CancellationToken cancellationToken) =>
        UpdateAsync(id, nameof(Name), r => r.Name = Name!.Trim(), $"Renamed to “{Name?.Trim()}”.", cancellationToken);

    public Task<IActionResult> OnPostTargetAsync(int id, CancellationToken cancellationToken) =>
        UpdateAsync(id, nameof(WeeklyTarget), r => r.WeeklyTarget = WeeklyTarget, WeeklyTarget is null ? "Weekly target removed." : $"Target set to {WeeklyTarget} times a week.", cancellationToken);

    public async Task<IActionResult> OnPostDuplicateAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        if (!await db.HasRoomForRoutineAsync(source.OwnerId, cancellationToken))
        {
            this.Flash(AccountLimits.RoutinesFull);
            return RedirectToPage(new { id });
        }

        var copy = RoutineCopies.CopyOf(source, source.OwnerId, RoutineCopies.CopyName(source.Name), clock.GetUtcNow());
        db.Routines.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Made a copy of “{source.Name}”.");
        return RedirectToPage(new { id = copy.Id });
    }

    /// <summary>Validates only the field this form posts, applies the change to an owned routine, and redirects.</summary>
    private async Task<IActionResult> UpdateAsync(int id, string field, Action<Routine> apply, string message, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(User.UserId()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        if (await db.FollowsProgramAsync(id, cancellationToken))
        {
            this.Flash(FollowedRoutines.ReadOnly);
            return RedirectToPage(new { id });
        }

        if (ModelState.GetFieldValidationState(field) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            // Each form posts one field: the other's errors (a name that was not sent) are not about this form.
            foreach (var other in ModelState.Keys.Where(k => k != field).ToList())
            {
                ModelState.Remove(other);
            }

            return await OnGetAsync(id, cancellationToken);
        }

        apply(routine);
        routine.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(message);
        return RedirectToPage(new { id });
    }
}
