using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Routines;

public sealed class DeleteModel(AppDbContext db) : PageModel
{
    public string RoutineName { get; private set; } = "";

    public int TimesDone { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).Where(r => r.Id == id)
            .Select(r => new { r.Name, Done = r.Completions.Count }).SingleOrDefaultAsync(cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        (RoutineName, TimesDone) = (routine.Name, routine.Done);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.OwnedBy(User.UserId()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        db.Routines.Remove(routine);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Deleted “{routine.Name}”.");
        return RedirectToPage("Index");
    }
}
