using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StretchLibrary.Web.Pages.Routines;

/// <summary>
/// Where a routine's own address (a printed sheet's QR code, a calendar reminder's link) sends a visitor who is not
/// signed in: what the link is and how to open it, never a dead end. The same page for every id, so it says nothing
/// about whether a routine exists.
/// </summary>
public sealed class OpenModel : PageModel
{
    public string SignInUrl { get; private set; } = "";

    public IActionResult OnGet(int id)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToPage("Details", new { id });
        }

        SignInUrl = $"/account/login?ReturnUrl={Uri.EscapeDataString($"/routines/{id}")}";
        return Page();
    }
}
