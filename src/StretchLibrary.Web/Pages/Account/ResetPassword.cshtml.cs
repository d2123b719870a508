using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>Chooses a new password from an emailed link; an expired or used link says so and offers a new one.</summary>
public sealed class ResetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user"), StringLength(64)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true), StringLength(2048)]
    public string? Code { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a new password."), StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength, ErrorMessage = "Use at least {2} characters (a passphrase of a few words works well) and at most {1}.")]
    [DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    public bool LinkWorks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkWorks = await FindUserAsync() is { } user && AccountMail.DecodeCode(Code) is { } token
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindUserAsync() is not { } user || AccountMail.DecodeCode(Code) is not { } token)
        {
            return await OnGetAsync();
        }

        if (!ModelState.IsValid)
        {
            LinkWorks = true;
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            LinkWorks = !result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            foreach (var error in result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.InvalidToken)))
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        // The link came through the mailbox, so the address is the user's; a forgotten password also ends a lockout.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        this.Flash("Your password is changed. Sign in with the new one.");
        return Redirect("/account/login");
    }

    private async Task<AppUser?> FindUserAsync() =>
        UserId is { Length: > 0 } id && await users.FindByIdAsync(id) is { IsGuest: false } user ? user : null;
}
