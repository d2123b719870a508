using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Reminders;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// Calendar subscriptions to a routine's reminder: make one (its link is shown once, since only a hash is
/// stored), see the working ones, revoke.
/// </summary>
// A new link is shown here once.
[NoStore]
public sealed class CalendarModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record FeedRow(int Id, DateTimeOffset CreatedAt);

    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<FeedRow> Feeds { get; private set; } = [];

    /// <summary>The token just made: the only time its links can be shown.</summary>
    [TempData]
    public string? NewToken { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var name = await db.Routines.AsNoTracking().OwnedBy(userId).Where(r => r.Id == id).Select(r => r.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        RoutineName = name;
        Feeds = await db.CalendarFeeds.AsNoTracking().OwnedBy(userId).Where(f => f.RoutineId == id && f.RevokedAt == null)
            .OrderByDescending(f => f.Id).Select(f => new FeedRow(f.Id, f.CreatedAt)).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var ownerId = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).Where(r => r.Id == id).Select(r => r.OwnerId).SingleOrDefaultAsync(cancellationToken);
        if (ownerId is null)
        {
            return NotFound();
        }

        var token = ShareLinks.NewToken();
        db.CalendarFeeds.Add(new CalendarFeed { RoutineId = id, OwnerId = ownerId, TokenHash = ShareLinks.Hash(token), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        NewToken = token;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int feedId, CancellationToken cancellationToken)
    {
        var feed = await db.CalendarFeeds.OwnedBy(User.UserId()).SingleOrDefaultAsync(f => f.Id == feedId && f.RoutineId == id && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return NotFound();
        }

        feed.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        this.Flash("Subscription ended. Calendars that used it stop getting updates; the events they hold may stay until you remove them there.");
        return RedirectToPage(new { id });
    }
}
