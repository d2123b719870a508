using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines.Reminders;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>The owner's .ics download of a routine's reminder, as saved (weekdays at 08:00 until then).</summary>
[NoStore]
public sealed class ReminderFileModel(AppDbContext db, UserFacts facts, ContentStore content, PublicLinks links, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        if (userId is null)
        {
            return NotFound();
        }

        var zone = (await facts.GetAsync(HttpContext.RequestServices, userId, cancellationToken))?.TimeZoneId;
        var link = new Uri(links.Page("/Routines/Details", new { id }));
        var file = await ReminderFiles.CreateAsync(db, content.Current, userId, id, zone, link, clock.GetUtcNow(), feed: false, cancellationToken);
        return file is null ? NotFound() : File(Encoding.UTF8.GetBytes(file.Text), "text/calendar; charset=utf-8", file.FileName);
    }
}
