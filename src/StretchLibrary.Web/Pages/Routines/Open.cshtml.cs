using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// Where a routine's own address (a printed sheet's QR code, a calendar reminder's link) sends a visitor who cannot
/// open it: not signed in, or signed in (a guest account too) as someone other than its owner. What the link is and
/// how to open it, never a dead end. The same page for every id, so it says nothing about whether a routine exists;
/// a signed-in visitor gets it with 404, as for any routine that is not theirs.
/// </summary>
public sealed class OpenModel(AppDbContext db, CurrentUser currentUser) : PageModel
{
    public RoutineLinkExplained Explained { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (currentUser.Id is { } userId)
        {
            if (await db.Routines.OwnedBy(userId).AnyAsync(r => r.Id == id, cancellationToken))
            {
                return RedirectToPage("Details", new { id });
            }

            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Explained = RoutineLinkExplained.For(id, signedIn: currentUser.Id is not null);
        return Page();
    }
}

/// <summary>
/// The explanation a routine's address gives someone who cannot open it: <paramref name="SignedIn"/> when they are
/// signed in (a guest account too) as someone other than its owner, else how to sign in.
/// </summary>
public sealed record RoutineLinkExplained(bool SignedIn, string SignInUrl)
{
    public static RoutineLinkExplained For(int id, bool signedIn) =>
        new(signedIn, $"/account/login?ReturnUrl={Uri.EscapeDataString($"/routines/{id}")}");
}
