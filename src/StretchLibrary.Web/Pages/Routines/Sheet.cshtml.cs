using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// The owner's printable sheet of a routine. The sheet offers first to print with a QR code that opens a new
/// read-only share link (for a sheet handed to someone else); otherwise the QR code opens the routine page, which
/// only the owner can open and which explains itself to anyone else. Paper never carries a write credential.
/// </summary>
public sealed class SheetModel(AppDbContext db, CurrentUser currentUser, ContentStore content, PublicLinks links, TimeProvider clock) : PageModel
{
    public SheetView Sheet { get; private set; } = default!;

    private const string SharedTokenKey = "SheetShareToken";

    /// <summary>The share link just made for this sheet's QR code; shown on this one rendering only.</summary>
    public string? SharedUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? size, int? weeks, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } userId || await db.ReadAsync(ct => LoadAsync(userId, id, ct), cancellationToken) is not ({ } routine, var program))
        {
            return NotFound();
        }

        var today = currentUser.Today;
        // A share link made for this sheet is known only right after it is made (only its hash is stored): that
        // rendering is never cached.
        SharedUrl = TakeSharedToken() is { } token ? links.Page("/Share/Index", new { token }) : null;
        if (SharedUrl is null)
        {
            HttpContext.CacheForOwnerUntil(RoutinePageCache.Until(currentUser.Now, currentUser.Zone));
        }

        var online = SharedUrl ?? links.Page("/Routines/Details", new { id });
        Sheet = SheetView.Create(routine, content.Current, today, online, $"/routines/{id}", size, weeks);
        if (program is not null)
        {
            Sheet = Sheet with { From = program.From, Updated = program.UpdatedText(currentUser.Zone) };
        }
        return Page();
    }

    /// <summary>The sheet's reads (run as one read unit): the owner's routine with its items, and the program it follows, if any.</summary>
    private async Task<(Routine?, FollowedProgram?)> LoadAsync(string userId, int id, CancellationToken cancellationToken) =>
        await RoutineReads.OwnedWithItemsAsync(db, userId, id, cancellationToken) is var (routine, followsProgram)
            ? (routine, followsProgram ? await db.FollowedProgramAsync(userId, id, cancellationToken) : null)
            : (null, null);

    /// <summary>
    /// "Print with a share-link QR": a new read-only link that never expires (revocable on the Share page). Always a
    /// new one: only a link's hash is stored, so an older link cannot be shown again.
    /// </summary>
    public async Task<IActionResult> OnPostShareLinkAsync(int id, string? size, int? weeks, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        var token = ShareLinks.NewToken();
        db.ShareLinks.Add(new ShareLink { RoutineId = id, OwnerId = routine.OwnerId, TokenHash = ShareLinks.Hash(token), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        TempData[SharedTokenKey] = token;
        return RedirectToPage(new { id, size, weeks });
    }

    private string? TakeSharedToken() => FlashMessage.Take(HttpContext, TempData, SharedTokenKey);
}
