using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Share;

/// <summary>
/// A routine opened through a share link, for anyone holding it: stretches, dosages and notes only, never the
/// owner or their history. Wrong, revoked and expired tokens answer 404. A visitor who already copied it from this
/// link is offered their copy rather than a second one.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[CreatesGuest]
public sealed class IndexModel(AppDbContext db, ContentStore content, ShareCopies copies, TimeProvider clock) : PageModel
{
    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    /// <summary>The routine's notes, which a copy keeps; null for none.</summary>
    public string? Notes { get; private set; }

    /// <summary>The visitor's own copy made from this link, if they have one.</summary>
    public OwnCopy? Copy { get; private set; }

    [BindProperty]
    public string? Tz { get; set; }

    /// <summary>Set by "Make another copy": copy even though the visitor has one already.</summary>
    [BindProperty]
    public bool Again { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await db.FindShareAsync(token, clock.GetUtcNow(), cancellationToken) is not var (linkId, routine))
        {
            return NotFound();
        }

        (RoutineName, Notes) = (routine.Name, routine.Notes);
        var snapshot = content.Current;
        Items = [.. routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot))];
        Copy = await copies.FindAsync(User.UserId(), linkId, cancellationToken);
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }

    /// <summary>Copies the routine to the visitor's own (a new guest account when they have none).</summary>
    public async Task<IActionResult> OnPostCopyAsync(string token, CancellationToken cancellationToken)
    {
        if (await db.FindShareAsync(token, clock.GetUtcNow(), cancellationToken) is not var (linkId, source))
        {
            return NotFound();
        }

        if (!Again && await copies.FindAsync(User.UserId(), linkId, cancellationToken) is { } existing)
        {
            this.Flash($"You already have a copy of “{source.Name}”: here it is.");
            return RedirectToPage("/Routines/Details", new { id = existing.Id });
        }

        if (!await db.HasRoomForRoutineAsync(User.UserId(), cancellationToken))
        {
            this.Flash(AccountLimits.RoutinesFull);
            return RedirectToPage(new { token });
        }

        var copy = await copies.CopyAsync(User, Tz, linkId, source, cancellationToken);
        this.Flash($"Copied “{source.Name}” to your routines.");
        return RedirectToPage("/Routines/Details", new { id = copy.Id });
    }
}
