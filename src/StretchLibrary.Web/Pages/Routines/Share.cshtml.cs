using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts.Tokens;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>The owner's read-only links to a routine: create one (with an expiry), see the active ones, revoke.</summary>
// A new link is shown here once.
[NoStore]
public sealed class ShareModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record LinkRow(int Id, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<LinkRow> Links { get; private set; } = [];

    [BindProperty]
    public int ExpiresInDays { get; set; } = ShareLinks.DefaultExpiryDays;

    /// <summary>The token just created: the only time the full link can be shown, since only its hash is stored.</summary>
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
        Links = await db.ShareLinks.AsNoTracking().OwnedBy(userId).ActiveAt(clock.GetUtcNow()).Where(l => l.RoutineId == id)
            .OrderByDescending(l => l.Id).Select(l => new LinkRow(l.Id, l.CreatedAt, l.ExpiresAt)).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var routine = await db.Routines.AsNoTracking().OwnedBy(User.UserId()).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (routine is null)
        {
            return NotFound();
        }

        // Not a number, out of range or not one of the choices: say so, never fall back to a default expiry.
        if (ModelState.GetFieldValidationState(nameof(ExpiresInDays)) == ModelValidationState.Invalid || !ShareLinks.ExpiryChoices.Contains(ExpiresInDays))
        {
            ModelState.Remove(nameof(ExpiresInDays));
            ModelState.AddModelError(nameof(ExpiresInDays), ShareLinks.ChooseExpiry);
            ExpiresInDays = ShareLinks.DefaultExpiryDays;
            return await OnGetAsync(id, cancellationToken);
        }

        NewToken = await db.CreateShareLinkAsync(routine, ExpiresInDays, clock.GetUtcNow(), cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, int linkId, CancellationToken cancellationToken)
    {
        var link = await db.ShareLinks.OwnedBy(User.UserId()).ActiveAt(clock.GetUtcNow()).SingleOrDefaultAsync(l => l.Id == linkId && l.RoutineId == id, cancellationToken);
        if (link is null)
        {
            return NotFound();
        }

        link.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        this.Flash("Link revoked. Anyone who opens it now sees “page not found”.");
        return RedirectToPage(new { id });
    }
}
