using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>The owner's printable sheet of a routine; its QR code opens the routine page.</summary>
public sealed class SheetModel(AppDbContext db, CurrentUser currentUser, ContentStore content) : PageModel
{
    public SheetView Sheet { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, string? size, int? weeks, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedWithItems(currentUser.Id).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var today = currentUser.Today;
        HttpContext.CacheForOwnerUntil(RoutinePageCache.Until(currentUser.Now, currentUser.Zone));
        var online = Url.PageLink("/Routines/Details", values: new { id })!;
        Sheet = SheetView.Create(routine, content.Current, today, online, $"/routines/{id}", size, weeks);
        return Page();
    }
}
