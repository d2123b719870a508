using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// A routine's notes on its page: the notes themselves, or (<c>form: true</c>) the form to change them, which a
/// routine following a clinician's program does not have (its notes come from the program).
/// </summary>
public sealed class RoutineNotesViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Routine routine, bool form = false)
    {
        if (!form)
        {
            return routine.Notes is null ? Content("") : View("/Pages/Routines/_RoutineNotes.cshtml", routine);
        }

        var follows = await db.Enrollments.AnyAsync(e => e.RoutineId == routine.Id && e.OwnerId == routine.OwnerId, HttpContext.RequestAborted);
        return follows ? Content("") : View("/Pages/Routines/_RoutineNotesForm.cshtml", routine);
    }
}
