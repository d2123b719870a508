using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Opens the link of a confirmation mail (GET), or sends the mail again to the signed-in user (POST).</summary>
public sealed class ConfirmEmailModel(UserManager<AppUser> users, AccountMail mail) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? user, string? code)
    {
        Confirmed = user is { Length: > 0 and <= 64 } && await users.FindByIdAsync(user) is { IsGuest: false } account
            && AccountMail.DecodeCode(code) is { } token && (await users.ConfirmEmailAsync(account, token)).Succeeded;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { IsGuest: false } account)
        {
            // A guest has no address to confirm; a visitor must sign in first.
            return User.Identity?.IsAuthenticated == true ? Redirect("/account") : Challenge();
        }

        await mail.SendConfirmationAsync(account);
        this.Flash(account.EmailConfirmed ? "Your email address is already confirmed." : $"We sent a new confirmation link to {account.Email}.");
        return Redirect("/account");
    }
}
