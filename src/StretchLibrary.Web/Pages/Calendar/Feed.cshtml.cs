using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Calendar;

/// <summary>
/// A subscribed calendar's feed: the routine's reminder as it is now, for whoever holds the token (calendar
/// apps send no cookies). A wrong or revoked token answers 404.
/// </summary>
[AllowAnonymous]
public sealed class FeedModel(AppDbContext db, UserFacts facts, ContentStore content, PublicLinks links, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ShareLinks.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().Where(f => f.TokenHash == hash && f.RevokedAt == null)
            .Select(f => new { f.RoutineId, f.OwnerId }).SingleOrDefaultAsync(cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        var zone = (await facts.GetAsync(HttpContext.RequestServices, feed.OwnerId, cancellationToken))?.TimeZoneId;
        var link = new Uri(links.Page("/Routines/Details", new { id = feed.RoutineId }));
        var file = await ReminderFiles.CreateAsync(db, content.Current, feed.OwnerId, feed.RoutineId, zone, link, clock.GetUtcNow(), feed: true, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        // Private to the token's holder; calendars poll, so every answer is fresh.
        Response.Headers.CacheControl = "private, no-cache";
        return File(Encoding.UTF8.GetBytes(file.Text), "text/calendar; charset=utf-8");
    }
}
