using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>Logs a session of a routine ("Mark done") and undoes the latest one.</summary>
public sealed class DoneModel(AppDbContext db, CurrentUser currentUser, UserChanges changes, ContentStore content, CompletionWriter writer) : PageModel
{
    public sealed class DoneInput
    {
        public const int MaxStretches = 100;

        [Required(ErrorMessage = "Choose the date you did it.")]
        public DateOnly? Date { get; set; }

        [MaxLength(MaxStretches, ErrorMessage = "Tick at most {1} stretches.")]
        public List<string> Stretches { get; set; } = [];

        [Range(0, 10, ErrorMessage = "Pain is rated from 0 (none) to 10 (worst).")]
        public int? PainBefore { get; set; }

        [Range(0, 10, ErrorMessage = "Pain is rated from 0 (none) to 10 (worst).")]
        public int? PainAfter { get; set; }

        [StringLength(Completion.NoteMaxLength, ErrorMessage = "Keep the note under {1} characters."), PlainText(MultiLine = true)]
        public string? Note { get; set; }

        /// <summary>The browser's time zone, filled in by site.js; ignored when unknown (the visitor cannot fix a hidden field).</summary>
        public string? Tz { get; set; }

        /// <summary>Made by the browser for each form it shows; the same log sent twice is stored once.</summary>
        public Guid? ClientId { get; set; }
    }

    [BindProperty]
    public DoneInput Input { get; set; } = new();

    public DoneFormView Form { get; private set; } = default!;

    public string RoutineName { get; private set; } = "";

    // Compiled once: "Mark done" is the busiest write, and this read is most of its cost. A compiled query cannot
    // call OwnedBy, so the owner filter is spelled out here.
    private static readonly Func<AppDbContext, int, string, Task<Routine?>> FindOwnedRoutine = EF.CompileAsyncQuery(
        (AppDbContext db, int id, string ownerId) => db.Routines.AsNoTracking().Include(r => r.Items).SingleOrDefault(r => r.Id == id && r.OwnerId == ownerId));

    /// <summary>The zone the browser reported when it differs from the stored one; saved only with a session.</summary>
    private string? _newZone;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, null, cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await LoadAsync(id, Input.Tz, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var (done, errors) = MarkDone.Check(Input, Form);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            Form = Form with { Input = Input };
            return Page();
        }

        MarkDone.SaveResult saved;
        try
        {
            saved = await MarkDone.SaveOnceAsync(db, writer, new Completion
            {
                RoutineId = id,
                OwnerId = routine.OwnerId,
                LocalDate = Input.Date!.Value,
                CompletedAtUtc = currentUser.Now,
                StretchSlugs = done,
                PainBefore = Input.PainBefore,
                PainAfter = Input.PainAfter,
                Note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim(),
                ClientId = Input.ClientId,
            }, cancellationToken);
        }
        catch (RoutineGoneException)
        {
            // Deleted (in another tab) between this request's read and the write: as if it had never been there.
            return NotFound();
        }

        if (saved is MarkDone.SaveResult.ClientIdUsedElsewhere or MarkDone.SaveResult.AccountFull)
        {
            ModelState.AddModelError("", saved == MarkDone.SaveResult.AccountFull
                ? AccountLimits.SessionsFull
                : "This form was already used to log a session of another routine, so nothing was saved. Send it again.");
            Form = Form with { Input = Input };
            return Page();
        }

        if (_newZone is not null)
        {
            // The browser's time zone (travel, or the first post) is remembered only with a session that was saved.
            await db.Users.Where(u => u.Id == routine.OwnerId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZoneId, _newZone), cancellationToken);
            changes.Forget(routine.OwnerId);
        }

        this.Flash($"Marked done for {(Input.Date == Form.Today ? "today" : Input.Date.Value.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture))}. Well done!");
        return RedirectToPage("Details", new { id });
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken)
    {
        var latest = await db.Completions.OwnedBy(User.UserId()).Where(c => c.RoutineId == id)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return NotFound();
        }

        db.Completions.Remove(latest);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Removed the entry for {latest.LocalDate.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)}.");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The owned routine and the form's data, in the browser's time zone when sent, else the user's.</summary>
    private async Task<Routine?> LoadAsync(int id, string? timeZone, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || await FindOwnedRoutine(db, id, userId) is not { } routine)
        {
            return null;
        }

        var zone = currentUser.TimeZoneId;
        if (LocalClock.IsKnownZone(timeZone) && timeZone != zone)
        {
            zone = _newZone = timeZone!;
        }

        var snapshot = content.Current;
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot)).Where(i => i.Stretch is not null).ToArray();
        Form = new DoneFormView(id, LocalClock.Today(currentUser.Now, LocalClock.FindZone(zone)), items);
        RoutineName = routine.Name;
        return routine;
    }
}
