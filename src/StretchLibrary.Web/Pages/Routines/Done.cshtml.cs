using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>"Mark done" (through <see cref="SessionLog"/>, as the offline replay and the API) and undoing the latest one.</summary>
public sealed class DoneModel(AppDbContext db, CurrentUser currentUser, ContentStore content, SessionLog sessions) : PageModel
{
    [BindProperty]
    public SessionInput Input { get; set; } = new();

    public DoneFormView Form { get; private set; } = default!;

    public string RoutineName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var logged = ModelState.IsValid ? await sessions.LogAsync(User.UserId()!, id, Input, cancellationToken) : null;
        if (logged is Logged.RoutineGone)
        {
            return NotFound();
        }

        if (logged is Logged.Saved or Logged.AlreadySaved)
        {
            var today = await sessions.TodayAsync(User.UserId()!, Input.Tz, cancellationToken);
            this.Flash($"Marked done for {(Input.Date == today ? "today" : Input.Date!.Value.ToString("ddd d MMM", CultureInfo.InvariantCulture))}. Well done!");
            return RedirectToPage("Details", new { id });
        }

        foreach (var (field, messages) in (logged as Logged.Invalid)?.Errors ?? new Dictionary<string, string[]>())
        {
            Array.ForEach(messages, m => ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, m));
        }

        if (logged is Logged.Refused(var reason))
        {
            ModelState.AddModelError("", reason);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Form = Form with { Input = Input };
        return Page();
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
        this.Flash($"Removed the entry for {latest.LocalDate.ToString("ddd d MMM", CultureInfo.InvariantCulture)}.");
        return RedirectToPage("Details", new { id });
    }

    /// <summary>The owned routine's name and the form's stretches, with the user's today.</summary>
    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedBy(currentUser.Id).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return false;
        }

        var snapshot = content.Current;
        var items = routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot)).Where(i => i.Stretch is not null).ToArray();
        Form = new DoneFormView(id, await sessions.TodayAsync(routine.OwnerId, Input.Tz, cancellationToken), items);
        RoutineName = routine.Name;
        return true;
    }
}
