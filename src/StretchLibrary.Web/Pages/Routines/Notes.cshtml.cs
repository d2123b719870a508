using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>A routine's notes (a clinician's instructions for a program): the routine page's form posts here, and errors show here.</summary>
public sealed class NotesModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty, StringLength(Routine.NotesMaxLength, ErrorMessage = "Keep the notes under {1} characters."), PlainText(MultiLine = true)]
    public string? Notes { get; set; }

    public string RoutineName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, tracking: false, cancellationToken) is not { } routine)
        {
            return NotFound();
        }

        if (await FollowsProgramAsync(id, cancellationToken))
        {
            return Refuse(id);
        }

        RoutineName = routine.Name;
        if (HttpMethods.IsGet(Request.Method))
        {
            Notes = routine.Notes;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, tracking: true, cancellationToken) is not { } routine)
        {
            return NotFound();
        }

        if (await FollowsProgramAsync(id, cancellationToken))
        {
            return Refuse(id);
        }

        if (!ModelState.IsValid)
        {
            return await OnGetAsync(id, cancellationToken);
        }

        routine.Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim();
        routine.Touch(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        this.Flash(routine.Notes is null ? "Notes removed." : "Notes saved.");
        return RedirectToPage("Details", new { id });
    }

    private RedirectToPageResult Refuse(int id)
    {
        this.Flash("This routine follows your clinician’s program, so its notes come from them and can’t be changed here.");
        return RedirectToPage("Details", new { id });
    }

    private Task<Routine?> FindAsync(int id, bool tracking, CancellationToken cancellationToken) =>
        (tracking ? db.Routines : db.Routines.AsNoTracking()).OwnedBy(User.UserId()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    private Task<bool> FollowsProgramAsync(int id, CancellationToken cancellationToken) =>
        db.Enrollments.AnyAsync(e => e.RoutineId == id && e.OwnerId == User.UserId(), cancellationToken);
}
