using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines;
using StretchLibrary.Web.Routines.Sharing;

namespace StretchLibrary.Web.Pages.Share;

/// <summary>The printable sheet of a shared routine; its QR code opens the share link.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class SheetModel(AppDbContext db, CurrentUser currentUser, ContentStore content, PublicLinks links) : PageModel
{
    public SheetView Sheet { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(string token, string? size, int? weeks, CancellationToken cancellationToken)
    {
        var now = currentUser.Now;
        if (await db.FindSharedRoutineAsync(token, now, cancellationToken) is not { } routine)
        {
            return NotFound();
        }

        // The visitor's calendar date when they have an account here; the owner's zone is not theirs to see.
        var today = currentUser.Today;
        var online = links.Page("/Share/Index", new { token });
        Sheet = SheetView.Create(routine, content.Current, today, online, $"/s/{token}", size, weeks);
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
