using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Deletes the account; routines, items and completions go with it (cascading foreign keys).</summary>
[Authorize]
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty, DataType(DataType.Password), StringLength(PasswordPolicy.MaxLength)]
    public string? Password { get; set; }

    public bool NeedsPassword { get; private set; }

    public async Task OnGetAsync() => NeedsPassword = (await users.GetUserAsync(User)) is { IsGuest: false };

    public async Task<IActionResult> OnPostAsync()
    {
        var user = (await users.GetUserAsync(User))!;
        NeedsPassword = !user.IsGuest;
        if (NeedsPassword && !await users.CheckPasswordAsync(user, Password ?? ""))
        {
            ModelState.AddModelError(nameof(Password), "That password is not right.");
            return Page();
        }

        await users.DeleteAsync(user);
        await signIn.SignOutAsync();
        // The offline copies of this user's pages and their queued logs go too.
        OfflineCopies.ClearOnThisDevice(Response);
        this.Flash("Your account and all its data were deleted.");
        return LocalRedirect("/");
    }
}
