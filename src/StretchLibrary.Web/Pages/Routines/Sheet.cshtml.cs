using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Caching;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Tracking;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>The owner's printable sheet of a routine; its QR code opens the routine page.</summary>
public sealed class SheetModel(AppDbContext db, UserFacts facts, ContentStore content, TimeProvider clock) : PageModel
{
    public SheetView Sheet { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, string? size, int? weeks, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var routine = await db.Routines.AsNoTracking().OwnedBy(userId).Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var zone = (await facts.GetAsync(HttpContext.RequestServices, userId!, cancellationToken))?.TimeZoneId;
        var now = clock.GetUtcNow();
        var today = LocalClock.Today(now, LocalClock.FindZone(zone));
        HttpContext.CacheForOwnerUntil(RoutinePageCache.Until(now, LocalClock.FindZone(zone)));
        var online = Url.PageLink("/Routines/Details", values: new { id })!;
        Sheet = SheetView.Create(routine, content.Current, today, online, $"/routines/{id}", size, weeks);
        return Page();
    }
}
