using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Content;
using StretchLibrary.Web.Data;
using StretchLibrary.Web.Pages.Routines;

namespace StretchLibrary.Web.Pages.Share;

/// <summary>
/// A routine opened through a share link, for anyone holding it: stretches, dosages and notes only, never the
/// owner or their history. Wrong, revoked and expired tokens answer 404.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[CreatesGuest]
public sealed class IndexModel(AppDbContext db, ContentStore content, GuestAccounts guests, TimeProvider clock) : PageModel
{
    public string RoutineName { get; private set; } = "";

    public IReadOnlyList<ItemView> Items { get; private set; } = [];

    [BindProperty]
    public string? Tz { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await db.FindSharedRoutineAsync(token, clock.GetUtcNow(), cancellationToken) is not { } routine)
        {
            return NotFound();
        }

        RoutineName = routine.Name;
        var snapshot = content.Current;
        Items = [.. routine.Items.OrderBy(i => i.Position).Select(i => ItemView.From(i, snapshot))];
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }

    /// <summary>Copies the routine to the visitor's own (a new guest account when they have none).</summary>
    public async Task<IActionResult> OnPostCopyAsync(string token, CancellationToken cancellationToken)
    {
        if (await db.FindSharedRoutineAsync(token, clock.GetUtcNow(), cancellationToken) is not { } source)
        {
            return NotFound();
        }

        var user = await guests.GetOrCreateAsync(User, Tz);
        var copy = RoutineCopies.CopyOf(source, user.Id, source.Name, clock.GetUtcNow());
        db.Routines.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        this.Flash($"Copied “{source.Name}” to your routines.");
        return RedirectToPage("/Routines/Details", new { id = copy.Id });
    }
}
