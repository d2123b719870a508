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
        await LoadAsync(id, null, cancellationToken) ? Page() : NotFound();

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

        foreach (var (field, message) in logged.Problems())
        {
            ModelState.AddModelError(field.Length == 0 ? "" : "Input." + field, message);
        }

        return await LoadAsync(id, Input, cancellationToken) ? Page() : NotFound();
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

    private async Task<bool> LoadAsync(int id, SessionInput? input, CancellationToken cancellationToken)
    {
        if (await DoneFormView.LoadAsync(db, content.Current, sessions, currentUser.Id, id, input, cancellationToken) is not var (name, form))
        {
            return false;
        }

        (RoutineName, Form) = (name, form);
        return true;
    }
}
