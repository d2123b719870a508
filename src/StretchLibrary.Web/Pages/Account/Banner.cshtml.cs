using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Hides the guest banner in this browser, then goes back to the page it was dismissed on.</summary>
public sealed class BannerModel : PageModel
{
    public IActionResult OnGet() => Redirect("/account");

    public IActionResult OnPost(string? returnUrl)
    {
        GuestBanner.Dismiss(Response);
        // site.js dismisses it in place with fetch: no page to send back.
        if (Request.Headers["X-Requested-With"] == "fetch")
        {
            return new NoContentResult();
        }

        return this.RedirectBack(returnUrl, "/");
    }
}
