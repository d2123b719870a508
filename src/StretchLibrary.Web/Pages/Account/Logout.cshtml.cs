using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Caching;

namespace StretchLibrary.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends this sign-in everywhere: a copy of the old cookie no longer works.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        // The offline copies of this user's pages and their queued logs go too.
        OfflineCopies.ClearOnThisDevice(Response);
        return LocalRedirect("/");
    }
}
